// A callback's time as the lists show it: the customer's wall clock with its zone label, and the
// agent's own time beside it when his desk is in another zone; the instants of a local day.
import { bcp47, formatDateTime, formatTime, t, type Locale } from '../i18n/i18n.ts';
import { dateTimeFormat, dayKey, localDateTime } from './time.ts';

let desk: string | undefined;
/** The zone the agent's desktop runs in (what "your time" and "your day" mean); asked once. */
export const deskZone = (): string => (desk ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

/** The short label of a zone at an instant: "CET", "GMT-5" (the name alone cannot tell summer time). */
export function zoneLabel(locale: Locale, iso: string, timeZone: string): string {
  // A list formats a label per row on every render: the formatter is built once per locale and zone.
  const parts = dateTimeFormat(bcp47(locale), { timeZone, timeZoneName: 'short' }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

export interface WhenText {
  /** "24 Nov 2026, 15:00 CET": the customer's time with its label. */
  customer: string;
  /** The zone's name, "Europe/Warsaw" (for a title or a hint). */
  zone: string;
  /** "your time 14:00 GMT" when the agent's wall clock differs, else null. */
  agent: string | null;
}

export function whenText(locale: Locale, iso: string, customerZone: string, agentZone: string): WhenText {
  const customer = `${formatDateTime(locale, iso, customerZone)} ${zoneLabel(locale, iso, customerZone)}`;
  if (localDateTime(iso, customerZone) === localDateTime(iso, agentZone)) return { customer, zone: customerZone, agent: null };
  // Only the hour when the day is the same for both; the date too when it is not.
  const sameDay = dayKey(iso, customerZone) === dayKey(iso, agentZone);
  const time = `${sameDay ? formatTime(locale, iso, agentZone) : formatDateTime(locale, iso, agentZone)} ${zoneLabel(locale, iso, agentZone)}`;
  return { customer, zone: customerZone, agent: t(locale, 'list.yourTime', { time }) };
}

/** Minutes a zone is ahead of UTC at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  const wall = localDateTime(new Date(instant), timeZone);
  return Math.round((Date.parse(`${wall}:00Z`) - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** "2026-11-24" → the instant that day starts in the zone (its local midnight), as ISO. */
export function zonedMidnight(day: string, timeZone: string): string {
  const asUtc = Date.parse(`${day}T00:00:00Z`);
  // Two passes: the offset at the guess can differ from the offset at midnight across a DST change.
  let at = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  at = asUtc - offsetMinutes(at, timeZone) * 60_000;
  return new Date(at).toISOString();
}

/** Notes cut to `max` characters for a cell (the full text goes in its title and the detail). */
export function shortNotes(notes: string | null | undefined, max = 60): string {
  const text = (notes ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
