// Country → IANA zone, only for countries that have exactly one zone in the tz database.
// libphonenumber-js knows countries, not zones, and Intl has no country mapping, so a compact table
// it is. Multi-zone countries (US, CA, AU, RU, BR, MX, ES, PT, CN, UA, NZ, AR, CL, ID, KZ, …) are
// deliberately absent: for them the caller falls back to the campaign's zone.
import { IANAZone } from 'luxon';

const SINGLE_ZONE_COUNTRIES: Readonly<Record<string, string>> = {
  // Europe
  AL: 'Europe/Tirane', AT: 'Europe/Vienna', BA: 'Europe/Sarajevo', BE: 'Europe/Brussels',
  BG: 'Europe/Sofia', BY: 'Europe/Minsk', CH: 'Europe/Zurich', CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen', EE: 'Europe/Tallinn', FI: 'Europe/Helsinki', FR: 'Europe/Paris',
  GB: 'Europe/London', GR: 'Europe/Athens', HR: 'Europe/Zagreb', HU: 'Europe/Budapest',
  IE: 'Europe/Dublin', IS: 'Atlantic/Reykjavik', IT: 'Europe/Rome', LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg', LV: 'Europe/Riga', MD: 'Europe/Chisinau', ME: 'Europe/Podgorica',
  MK: 'Europe/Skopje', MT: 'Europe/Malta', NL: 'Europe/Amsterdam', NO: 'Europe/Oslo',
  PL: 'Europe/Warsaw', RO: 'Europe/Bucharest', RS: 'Europe/Belgrade', SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana', SK: 'Europe/Bratislava', TR: 'Europe/Istanbul',
  // Middle East, Africa
  AE: 'Asia/Dubai', IL: 'Asia/Jerusalem', QA: 'Asia/Qatar', SA: 'Asia/Riyadh',
  EG: 'Africa/Cairo', KE: 'Africa/Nairobi', MA: 'Africa/Casablanca', NG: 'Africa/Lagos',
  ZA: 'Africa/Johannesburg',
  // Asia
  HK: 'Asia/Hong_Kong', IN: 'Asia/Kolkata', JP: 'Asia/Tokyo', KR: 'Asia/Seoul',
  PH: 'Asia/Manila', SG: 'Asia/Singapore', TH: 'Asia/Bangkok', TW: 'Asia/Taipei',
  VN: 'Asia/Ho_Chi_Minh',
  // Americas
  CO: 'America/Bogota', PE: 'America/Lima', UY: 'America/Montevideo', VE: 'America/Caracas',
};

/** The single IANA zone of a country (ISO 3166 alpha-2), or null when it has several or is unknown. */
export function zoneOfCountry(country: string | null | undefined): string | null {
  if (!country) return null;
  return SINGLE_ZONE_COUNTRIES[country.toUpperCase()] ?? null;
}

/** Every zone of the table, so a test can prove the runtime knows them all. */
export const knownCountryZones = (): string[] => Object.values(SINGLE_ZONE_COUNTRIES);

/** True for a real IANA zone name the runtime can compute with ("Europe/Warsaw"), false otherwise. */
export function isValidZone(zone: string | null | undefined): zone is string {
  return typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
}
