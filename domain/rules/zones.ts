// Zone helpers on top of number-zones.ts: a country's single zone, and zone-name validity.
import { IANAZone } from 'luxon';
import { countryZones } from './number-zones.ts';

/** The single zone of a country (ISO 3166 alpha-2), or null when it has several or is unknown. */
export function zoneOfCountry(country: string | null | undefined): string | null {
  const zones = countryZones(country);
  return zones.length === 1 ? zones[0] : null;
}

const validZones = new Map<string, boolean>();

/** True for a real IANA zone name the runtime can compute with ("Europe/Warsaw"), false otherwise. */
export function isValidZone(zone: string | null | undefined): zone is string {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  // luxon builds an Intl.DateTimeFormat per check (a top cost of booking in the bench profile); names are few, the map is bounded.
  if (validZones.size > 2000) validZones.clear();
  if (!validZones.has(zone)) validZones.set(zone, IANAZone.isValidZone(zone));
  return validZones.get(zone) as boolean;
}
