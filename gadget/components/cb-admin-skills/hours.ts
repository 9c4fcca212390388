// Weekly hours as the skill form edits them: one text per weekday, "08:00-12:00, 13:00-18:00".
// Checked here before the API is asked, so a typo is pointed out at once beside its day.
import type { WeeklyHours } from '../../admin/admin-api.ts';

export const WEEKDAYS = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['7', 'Sunday'],
] as const;
export type Weekday = (typeof WEEKDAYS)[number][0];

const RANGE = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;
const minutes = (h: string, m: string) => Number(h) * 60 + Number(m);

export const hoursText = (ranges: string[] | undefined): string => (ranges ?? []).join(', ');

export const rangesOf = (text: string): string[] => text.split(/[,;]/).map((r) => r.replace(/\s+/g, '')).filter(Boolean);

/**
 * Why a day's text is not valid weekly hours, or null. Each range is HH:MM-HH:MM within
 * 00:00-24:00 and ends after it starts; a range past midnight is written as two (22:00-24:00 on
 * one day, 00:00-06:00 on the next), so what the administrator reads is what the rules apply.
 */
export function rangeProblem(text: string): string | null {
  for (const range of rangesOf(text)) {
    const m = RANGE.exec(range);
    if (!m) return `"${range}" is not HH:MM-HH:MM`;
    const start = minutes(m[1], m[2]);
    const end = minutes(m[3], m[4]);
    if (start >= 24 * 60 || end > 24 * 60) return `"${range}" is not within 00:00-24:00`;
    if (end <= start) return `"${range}" must end after it starts (past midnight: split it at 24:00)`;
  }
  return null;
}

/** The form's texts as WeeklyHours (closed days left out). */
export function toWeeklyHours(texts: Partial<Record<Weekday, string>>): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const [day] of WEEKDAYS) {
    const ranges = rangesOf(texts[day] ?? '');
    if (ranges.length) hours[day] = ranges;
  }
  return hours;
}

/** "Mon–Fri 08:00-18:00; Sat 09:00-13:00": consecutive days with the same ranges read as one. */
export function hoursSummary(hours: WeeklyHours): string {
  const parts: string[] = [];
  let run: { from: string; to: string; text: string } | null = null;
  const flush = () => run && run.text && parts.push(`${run.from === run.to ? run.from : `${run.from}–${run.to}`} ${run.text}`);
  for (const [day, name] of WEEKDAYS) {
    const text = hoursText(hours[day]);
    const short = name.slice(0, 3);
    if (run && run.text === text) run.to = short;
    else {
      flush();
      run = { from: short, to: short, text };
    }
  }
  flush();
  return parts.join('; ') || 'closed';
}
