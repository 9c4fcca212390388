// The time zones a customer number may be in (issue 7 point 8, "The right zone").
// - A country's zones come from the CLDR/ICU data the runtime ships (Intl.Locale time zones: one
//   list per region, as tzdata zone.tab), so the list is the full one and is updated with Node.
// - Where a prefix→zone source is installed (Google libphonenumber's timezone map, see
//   config/number-zone-source.ts), a fixed-line or mobile number is narrowed to its area code's
//   zones, as Google's PhoneNumberToTimeZonesMapper does; other number types keep the country's list.
// Pure: the prefix source is a synchronous lookup handed in once at start-up.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** E.164 → the zones Google's data gives for its longest known prefix, or null when it knows none. */
export type PrefixZoneLookup = (e164: string) => readonly string[] | null;

let prefixLookup: PrefixZoneLookup | null = null;
let prefixLookupChanges = 0;

/** Installs (or, with null, removes) the prefix→zone source used by zonesForNumber. */
export function usePrefixZoneLookup(lookup: PrefixZoneLookup | null): void {
  prefixLookup = lookup;
  prefixLookupChanges++;
}

/** Counts installs of the prefix source, so remembered answers of zonesForNumber (phone.ts) can tell they are stale. */
export const prefixLookupGeneration = (): number => prefixLookupChanges;

export const hasPrefixZoneLookup = (): boolean => prefixLookup !== null;

/** The number types Google's mapper geocodes by prefix; others get the country's zones. */
const GEOCODABLE = new Set(['FIXED_LINE', 'MOBILE', 'FIXED_LINE_OR_MOBILE']);

const zoneIds = new Map<string, string | null>();

/**
 * The runtime's canonical id of a zone ("Asia/Kolkata" and "Asia/Calcutta" → one id), or null
 * for a name the runtime does not know. Zones are compared by this id, never by spelling.
 */
export function canonicalZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  // A DateTimeFormat per call was the costliest step of a booking (bench profile); names are few, the map is bounded.
  if (zoneIds.size > 2000) zoneIds.clear();
  if (!zoneIds.has(zone)) zoneIds.set(zone, resolveZone(zone));
  return zoneIds.get(zone) as string | null;
}
function resolveZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

type LocaleWithZones = Intl.Locale & { getTimeZones?: () => string[] | undefined; timeZones?: string[] };

const countryCache = new Map<string, readonly string[]>();

/** Every zone of a country (ISO 3166 alpha-2), e.g. 29 for "US"; [] for an unknown country. */
export function countryZones(country: string | null | undefined): readonly string[] {
  const code = (country ?? '').toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return [];
  const cached = countryCache.get(code);
  if (cached) return cached;
  let zones: readonly string[] = [];
  try {
    const locale = new Intl.Locale(`und-${code}`) as LocaleWithZones;
    // Intl Locale Info: a getter in Node 20 (V8 11), a method in newer engines.
    zones = Object.freeze([...((typeof locale.getTimeZones === 'function' ? locale.getTimeZones() : locale.timeZones) ?? [])]);
  } catch {
    zones = [];
  }
  countryCache.set(code, zones);
  return zones;
}

/** True when `zone` is one of `zones` (compared by canonical id). */
export function zoneIn(zones: readonly string[], zone: string | null | undefined): boolean {
  const wanted = canonicalZone(zone);
  return wanted !== null && zones.some((z) => canonicalZone(z) === wanted);
}

/**
 * The zones a valid number may be in: its area code's zones when the prefix source knows them
 * (kept only if they belong to the number's country), else every zone of its country; [] when the
 * number is invalid or belongs to no country (+800 …).
 */
export function zonesForNumber(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164 ?? '');
  if (!parsed || !parsed.isValid()) return [];
  const inCountry = countryZones(parsed.country);
  const type = parsed.getType();
  const fromPrefix = prefixLookup && type && GEOCODABLE.has(type) ? (prefixLookup(parsed.number) ?? []) : [];
  // Google names zones by their CLDR id; report them as the country list spells them.
  const byCanonical = new Map(inCountry.map((z) => [canonicalZone(z), z] as const));
  const narrowed = [...new Set(fromPrefix.map((z) => byCanonical.get(canonicalZone(z))).filter((z): z is string => Boolean(z)))];
  return narrowed.length ? narrowed : [...inCountry];
}

/**
 * The zones the calling window must hold in. A chosen zone that is one of the number's candidate
 * zones settles it; a chosen zone outside them (same country, another area) is checked together
 * with the candidates the area code gives, because the number may still be there; no choice → all
 * candidates.
 */
export function windowZones(chosen: string | null | undefined, candidates: readonly string[]): string[] {
  if (!chosen) return [...candidates];
  if (candidates.length === 0 || zoneIn(candidates, chosen)) return [chosen];
  return [chosen, ...candidates];
}
