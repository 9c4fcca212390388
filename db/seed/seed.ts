// Seeds configuration on first start (no global rules yet). Later starts leave the database
// alone: from then on configuration is changed through the admin API.
import { readFileSync } from 'node:fs';
import type { Agent, Campaign, GlobalRules, HolidayCalendar, Skill } from '../../domain/types.ts';
import type { Db } from '../index.ts';
import { upsertAgent } from '../queries/agents.ts';
import { getGlobalRules, saveCampaign, saveGlobalRules, saveHolidayCalendar, saveSkill } from '../queries/config.ts';

type ByCalendarName<T> = Omit<T, 'id' | 'holidayCalendarId'> & { holidayCalendar?: string | null };

export interface SeedFile {
  holidayCalendars: Array<Omit<HolidayCalendar, 'id'>>;
  campaigns: Array<ByCalendarName<Campaign>>;
  skills: Array<ByCalendarName<Skill>>;
  globalRules: GlobalRules;
  agents?: Agent[];
}

export const DEMO_SEED_FILE = new URL('./demo.json', import.meta.url).pathname;

export function readSeedFile(path: string): SeedFile {
  return JSON.parse(readFileSync(path, 'utf8')) as SeedFile;
}

/** Applies the seed when the database has no configuration yet; returns whether it did. */
export async function seedIfEmpty(db: Db, seed: SeedFile): Promise<boolean> {
  if (await getGlobalRules(db)) return false;
  await db.transaction(async (t) => {
    const calendarIds = new Map<string, number>();
    for (const calendar of seed.holidayCalendars) calendarIds.set(calendar.name, (await saveHolidayCalendar(db, calendar, t)).id);
    const calendarId = (name?: string | null) => (name ? calendarIds.get(name) ?? null : null);
    for (const { holidayCalendar, ...campaign } of seed.campaigns) await saveCampaign(db, { ...campaign, holidayCalendarId: calendarId(holidayCalendar) }, t);
    for (const { holidayCalendar, ...skill } of seed.skills) await saveSkill(db, { ...skill, holidayCalendarId: calendarId(holidayCalendar) }, t);
    await saveGlobalRules(db, seed.globalRules, t);
  });
  for (const agent of seed.agents ?? []) await upsertAgent(db, agent);
  return true;
}
