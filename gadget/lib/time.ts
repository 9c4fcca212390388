// Zone-aware date helpers on top of Intl (no date library in the bundle).

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per locale, zone and options. Constructing one costs tens of
 * microseconds and a 30-day calendar formats thousands of instants: never build one per call.
 */
export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}\u0000${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, options);
    formatters.set(key, format);
  }
  return format;
}

function partsOf(instant: string | Date | number, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dateTimeFormat('en-CA', options).formatToParts(new Date(instant))) out[p.type] = p.value;
  return out;
}

/** The calendar date "YYYY-MM-DD" of an instant in a time zone. */
export function dayKey(instant: string | Date, timeZone: string): string {
  const p = partsOf(instant, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}

/** The calendar date of an instant in a zone and the minutes since that local midnight. */
export function dayAndMinute(instant: string | Date | number, timeZone: string): { day: string; minute: number } {
  const p = partsOf(new Date(instant), { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return { day: `${p.year}-${p.month}-${p.day}`, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/**
 * dayKey for instants in ascending order, asking Intl only near day changes: after a lookup the
 * same day holds until its local midnight less an hour (room for a clock change that day).
 */
export function dayKeys(timeZone: string): (instant: string) => string {
  let since = Infinity;
  let until = -Infinity;
  let day = '';
  return (instant) => {
    const ms = Date.parse(instant);
    if (ms >= since && ms < until) return day;
    const now = dayAndMinute(ms, timeZone);
    day = now.day;
    since = ms;
    until = ms + (24 * 60 - 60 - now.minute) * 60_000;
    return day;
  };
}

/** "YYYY-MM-DD" plus n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The wall-clock "YYYY-MM-DDTHH:mm" of an instant in a time zone (for <input type="datetime-local">). */
export function localDateTime(instant: string | Date, timeZone: string): string {
  const p = partsOf(instant, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The zone this browser (the agent's desktop) runs in. */
export const browserZone = (): string => dateTimeFormat('en', {}).resolvedOptions().timeZone || 'UTC';

/** Time zones offered for the customer: the given ones first, then common ones. */
export function zoneChoices(...preferred: Array<string | null | undefined>): string[] {
  const common = ['Europe/Warsaw', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney', 'UTC'];
  return [...new Set([...preferred.filter((z): z is string => Boolean(z)), ...common])];
}
