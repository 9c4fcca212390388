// Customer numbers: typed by an agent (national or international), stored as E.164.
// Validated with libphonenumber's full ("max") metadata: a number must match a real number range
// of its country (isValid), not merely have a possible length (the "min" metadata's check).
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { countryZones, prefixLookupGeneration, zonesForNumber } from './number-zones.ts';

export type ParsedPhone =
  | {
      valid: true;
      e164: string;
      country: string | null;
      formatted: string;
      /** The number's zone when it can be only one, else null. */
      timeZone: string | null;
      /** Every zone the number may be in (its area code's, else its country's); [] when unknown. */
      zones: string[];
      /** Every zone of the number's country (what an agent may choose from). */
      countryZones: string[];
    }
  | { valid: false };

/**
 * Parses what the agent typed. National input ("22 123 45 67") is read with the campaign's default
 * country; international input ("+1 212…", "0048…") works with any default.
 */
export function parsePhone(input: string, defaultCountry: string): ParsedPhone {
  // A booking parses its number twice (the service's pre-reads and the rules), the calendar once
  // per request: remember recent answers (read-only results of a pure function; bounded).
  const key = `${prefixLookupGeneration()}\u0000${defaultCountry}\u0000${input}`;
  const known = recent.get(key);
  if (known) return known;
  const parsed = parse(input, defaultCountry);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(key, parsed);
  return parsed;
}

const RECENT_MAX = 1000;
const recent = new Map<string, ParsedPhone>();

function parse(input: string, defaultCountry: string): ParsedPhone {
  const text = (input ?? '').trim();
  if (!text) return { valid: false };
  const country = defaultCountry?.toUpperCase();
  const fallback = country && isSupportedCountry(country) ? (country as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(text, fallback);
  if (!parsed || !parsed.isValid()) return { valid: false };
  const numberCountry = parsed.country ?? null;
  const zones = zonesForNumber(parsed.number);
  return {
    valid: true,
    e164: parsed.number,
    country: numberCountry,
    formatted: parsed.formatInternational(),
    timeZone: zones.length === 1 ? zones[0] : null,
    zones,
    countryZones: [...countryZones(numberCountry)],
  };
}
