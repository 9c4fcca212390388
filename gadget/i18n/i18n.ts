// Texts and date formatting in the agent's language (from the Finesse locale, e.g. "pl_PL").
import { en, type MessageKey } from './en.ts';
import { pl } from './pl.ts';
import { dateTimeFormat } from '../lib/time.ts';

export type Locale = 'en' | 'pl';
export type { MessageKey };

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, pl };

/** "pl_PL", "pl-PL", "pl" → "pl"; anything else → "en". */
export const localeFromFinesse = (finesseLocale: string | null | undefined): Locale =>
  /^pl([_-]|$)/i.test(finesseLocale ?? '') ? 'pl' : 'en';

export const bcp47 = (locale: Locale): string => (locale === 'pl' ? 'pl-PL' : 'en-GB');

/** The text for a key, with {name} placeholders filled. Placeholders are text, never markup. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = CATALOGS[locale][key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Whether a key exists (for codes coming from the server). */
export const hasMessage = (key: string): key is MessageKey => key in en;

// Formatters come from one cache (per locale, zone and options): building one per call froze the calendar.
export function formatDateTime(locale: Locale, iso: string, timeZone?: string): string {
  return dateTimeFormat(bcp47(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone || undefined }).format(new Date(iso));
}

export function formatTime(locale: Locale, iso: string, timeZone?: string): string {
  return dateTimeFormat(bcp47(locale), { hour: '2-digit', minute: '2-digit', timeZone: timeZone || undefined }).format(new Date(iso));
}

export function formatDay(locale: Locale, iso: string, timeZone?: string): string {
  return dateTimeFormat(bcp47(locale), { weekday: 'short', day: 'numeric', month: 'short', timeZone: timeZone || undefined }).format(new Date(iso));
}

/** "Tuesday, 24 November" style: the full name of a day, for screen readers and headings. */
export function formatLongDay(locale: Locale, iso: string, timeZone?: string): string {
  return dateTimeFormat(bcp47(locale), { weekday: 'long', day: 'numeric', month: 'long', timeZone: timeZone || undefined }).format(new Date(iso));
}
