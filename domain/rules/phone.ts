// Customer numbers: typed by an agent (national or international), stored as E.164.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { zoneOfCountry } from './zones.ts';

export type ParsedPhone =
  | { valid: true; e164: string; country: string | null; formatted: string; timeZone: string | null }
  | { valid: false };

/**
 * Parses what the agent typed. National input ("22 123 45 67") is read with the campaign's default
 * country; international input ("+1 212…", "0048…") works with any default.
 */
export function parsePhone(input: string, defaultCountry: string): ParsedPhone {
  const text = (input ?? '').trim();
  if (!text) return { valid: false };
  const country = defaultCountry?.toUpperCase();
  const fallback = country && isSupportedCountry(country) ? (country as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(text, fallback);
  if (!parsed || !parsed.isValid()) return { valid: false };
  const numberCountry = parsed.country ?? null;
  return {
    valid: true,
    e164: parsed.number,
    country: numberCountry,
    formatted: parsed.formatInternational(),
    timeZone: zoneOfCountry(numberCountry),
  };
}
