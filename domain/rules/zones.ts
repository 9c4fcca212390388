// Zone helpers on top of number-zones.ts: a country's single zone, and zone-name validity.
import { IANAZone } from 'luxon';
import { countryZones } from './number-zones.ts';

/** The single zone of a country (ISO 3166 alpha-2), or null when it has several or is unknown. */
export function zoneOfCountry(country: string | null | undefined): string | null {
  const zones = countryZones(country);
  return zones.length === 1 ? zones[0] : null;
}

/** True for a real IANA zone name the runtime can compute with ("Europe/Warsaw"), false otherwise. */
export function isValidZone(zone: string | null | undefined): zone is string {
  return typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
}
