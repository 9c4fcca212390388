// Configuration changes by an administrator: checked field by field (domain/config-checks.ts),
// saved with an audit entry (who, when, before → after) in one transaction, and refused when
// deleting something that is still in use.
import Holidays from 'date-holidays';
import { appendAudit } from '../../db/queries/audit.ts';
import {
  clearOtherAgentDefaults,
  deleteByName,
  getGlobalRules,
  listCampaigns,
  listHolidayCalendars,
  listSkills,
  saveCampaign,
  saveGlobalRules,
  saveHolidayCalendar,
  saveSkill,
} from '../../db/queries/config.ts';
import { countActiveCallbacksUsing, listCalendarUsers, listOtherCampaignDdis } from '../../db/queries/config-usage.ts';
import type { Db, Tx } from '../../db/index.ts';
import { checkCalendar, checkCampaign, checkRules, checkSkill, type ConfigError, type HolidayRegions } from '../../domain/config-checks.ts';
import type { Campaign, GlobalRules, HolidayCalendar, Skill } from '../../domain/types.ts';
import { publicHolidayDates } from '../../domain/rules/holidays.ts';
import { ConfigInvalid, InUse, NotFound } from './errors.ts';

export interface AdminContext {
  db: Db;
  actor: string;
  now: () => Date;
  /** UCCX's campaign names, or null when UCCX could not be asked. */
  uccxCampaignNames: () => Promise<Set<string> | null>;
  /** Called after every change (the configuration cache). */
  changed: () => void;
}

const holidays = new Holidays();
export const HOLIDAY_REGIONS: HolidayRegions = {
  countries: new Set(Object.keys(holidays.getCountries())),
  regionsOf: (country) => new Set(Object.keys(holidays.getStates(country) ?? {})),
};

/** Runs `write` with its audit entry in one transaction, then tells the cache. */
async function audited<T>(ctx: AdminContext, action: string, target: string, before: unknown, write: (t: Tx) => Promise<T>, after?: (saved: T) => unknown): Promise<T> {
  const saved = await ctx.db.transaction(async (t) => {
    const value = await write(t);
    await appendAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action, target, before: before ?? null, after: after ? after(value) : (value ?? null) }, t);
    return value;
  });
  ctx.changed();
  return saved;
}

const refuse = (errors: ConfigError[]) => {
  if (errors.length) throw new ConfigInvalid(errors);
};

export async function putCampaign(ctx: AdminContext, campaign: Omit<Campaign, 'id'>): Promise<{ saved: Campaign; warnings: string[] }> {
  const uccxCampaignNames = await ctx.uccxCampaignNames();
  refuse(checkCampaign(campaign, { others: await listOtherCampaignDdis(ctx.db, campaign.name), uccxCampaignNames }));
  const before = (await listCampaigns(ctx.db)).find((c) => c.name === campaign.name) ?? null;
  const saved = await audited(ctx, before ? 'campaign.update' : 'campaign.create', `campaign:${campaign.name}`, before, async (t) => {
    // One agents' default at most: marking this one unmarks the other, audited as its own change.
    if (campaign.agentDefault) {
      for (const other of await clearOtherAgentDefaults(ctx.db, campaign.name, t)) {
        await appendAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: 'campaign.update', target: `campaign:${other}`, before: { agentDefault: true }, after: { agentDefault: false } }, t);
      }
    }
    return saveCampaign(ctx.db, campaign, t);
  });
  return { saved, warnings: uccxCampaignNames ? [] : ['UCCX could not be asked whether the campaign exists; checked again when callbacks are dispatched'] };
}

export async function putSkill(ctx: AdminContext, skill: Omit<Skill, 'id'>): Promise<Skill> {
  refuse(checkSkill(skill));
  const before = (await listSkills(ctx.db)).find((s) => s.name === skill.name) ?? null;
  return audited(ctx, before ? 'skill.update' : 'skill.create', `skill:${skill.name}`, before, (t) => saveSkill(ctx.db, skill, t));
}

export async function putHolidayCalendar(ctx: AdminContext, calendar: Omit<HolidayCalendar, 'id'>): Promise<HolidayCalendar> {
  refuse(checkCalendar(calendar, HOLIDAY_REGIONS));
  const before = (await listHolidayCalendars(ctx.db)).find((c) => c.name === calendar.name) ?? null;
  return audited(ctx, before ? 'calendar.update' : 'calendar.create', `calendar:${calendar.name}`, before, (t) => saveHolidayCalendar(ctx.db, calendar, t));
}

export async function putGlobalRules(ctx: AdminContext, rules: GlobalRules): Promise<GlobalRules> {
  refuse(checkRules(rules));
  const before = await getGlobalRules(ctx.db);
  return audited(ctx, 'rules.update', 'global-rules', before, (t) => saveGlobalRules(ctx.db, rules, t));
}

/** A year's public holidays of a country/region, exactly the dates the booking rules close (domain/rules/holidays.ts), with their names. */
export function publicHolidays(country: string, region: string | null, year: number): Array<{ date: string; name: string }> {
  refuse(checkCalendar({ name: 'preview', country, region, customDates: [] }, HOLIDAY_REGIONS));
  const closed = publicHolidayDates(country, region, year);
  const names = new Map<string, string>();
  for (const h of (region ? new Holidays(country, region) : new Holidays(country)).getHolidays(year) || []) {
    const date = h.date.slice(0, 10);
    if (h.type === 'public' && closed.has(date) && !names.has(date)) names.set(date, h.name);
  }
  return [...closed].sort().map((date) => ({ date, name: names.get(date) ?? '' }));
}

/** Deletes a campaign or skill unless active callbacks still use it (move or cancel them first). */
export async function deleteNamed(ctx: AdminContext, kind: 'campaign' | 'skill', name: string): Promise<void> {
  const list = kind === 'campaign' ? await listCampaigns(ctx.db) : await listSkills(ctx.db);
  const before = list.find((x) => x.name === name);
  if (!before) throw new NotFound(kind);
  const active = await countActiveCallbacksUsing(ctx.db, kind, name);
  if (active > 0) {
    throw new InUse([{ field: 'name', code: 'IN_USE', message: `${active} active callback(s) still use ${kind} ${name}: reassign or cancel them first` }]);
  }
  await audited(ctx, `${kind}.delete`, `${kind}:${name}`, before, (t) => deleteByName(ctx.db, kind === 'campaign' ? 'Campaign' : 'Skill', name, t), () => null);
}

/** Deletes a holiday calendar no campaign or skill refers to. */
export async function deleteHolidayCalendar(ctx: AdminContext, name: string): Promise<void> {
  const before = (await listHolidayCalendars(ctx.db)).find((c) => c.name === name);
  if (!before) throw new NotFound('holiday calendar');
  const users = await listCalendarUsers(ctx.db, before.id);
  if (users.length) throw new InUse([{ field: 'name', code: 'IN_USE', message: `used by ${users.join(', ')}` }]);
  await audited(ctx, 'calendar.delete', `calendar:${name}`, before, (t) => deleteByName(ctx.db, 'HolidayCalendar', name, t), () => null);
}
