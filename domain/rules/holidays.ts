// Holiday calendars: public holidays of a country/region (date-holidays) plus custom closed dates.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { HolidayCalendar } from '../types.ts';

const DAY = 86_400_000;
// Public-holiday dates per "country|region|year"; date-holidays is slow enough to be worth caching.
const publicDatesCache = new Map<string, Set<string>>();

/** The public holidays ("YYYY-MM-DD", local dates) of a country/region in one year. */
export function publicHolidayDates(country: string, region: string | null | undefined, year: number): Set<string> {
  const key = `${country.toUpperCase()}|${region ?? ''}|${year}`;
  const cached = publicDatesCache.get(key);
  if (cached) return cached;
  const dates = new Set<string>();
  const source = region ? new Holidays(country.toUpperCase(), region) : new Holidays(country.toUpperCase());
  for (const holiday of source.getHolidays(year) || []) {
    if (holiday.type !== 'public') continue; // observances, school and bank days keep the line open
    const first = DateTime.fromISO(holiday.date.slice(0, 10), { zone: 'utc' });
    // A few holidays span several days; count each of them.
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY));
    for (let d = 0; d < days; d++) dates.add(first.plus({ days: d }).toISODate() as string);
  }
  publicDatesCache.set(key, dates);
  return dates;
}

/**
 * True when the local date of `utc` in `zone` is a public holiday of the calendar's country/region
 * or one of its custom dates. A public holiday closes the whole day, even when the source marks only
 * part of it.
 */
export function isHoliday(utc: DateTime, zone: string, calendar: HolidayCalendar | null | undefined): boolean {
  if (!calendar) return false;
  const local = utc.setZone(zone);
  if (!local.isValid) return false;
  return isHolidayOn(local.toISODate() as string, local.year, calendar);
}

/** isHoliday for a local date already read ("YYYY-MM-DD" of `year`). */
export function isHolidayOn(date: string, year: number, calendar: HolidayCalendar | null | undefined): boolean {
  if (!calendar) return false;
  if ((calendar.customDates ?? []).includes(date)) return true;
  if (!calendar.country) return false;
  return publicHolidayDates(calendar.country, calendar.region, year).has(date);
}
