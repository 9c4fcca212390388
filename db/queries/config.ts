// Configuration read by the rules and written by the admin API and the seed.
import type { Campaign, GlobalRules, HolidayCalendar, Skill } from '../../domain/types.ts';
import type { Db, Tx } from '../index.ts';

export interface Configuration {
  campaigns: Campaign[];
  skills: Skill[];
  calendars: Map<number, HolidayCalendar>;
  rules: GlobalRules;
}

const plain = <T>(rows: Array<{ get(o: { plain: true }): unknown }>): T[] =>
  rows.map((r) => {
    const { createdAt, updatedAt, ...rest } = r.get({ plain: true }) as Record<string, unknown>;
    return rest as T;
  });

export async function listCampaigns(db: Db): Promise<Campaign[]> {
  return plain<Campaign>(await db.models.Campaign.findAll({ order: [['name', 'ASC']] }));
}

export async function listSkills(db: Db): Promise<Skill[]> {
  return plain<Skill>(await db.models.Skill.findAll({ order: [['name', 'ASC']] }));
}

export async function listHolidayCalendars(db: Db): Promise<HolidayCalendar[]> {
  return plain<HolidayCalendar>(await db.models.HolidayCalendar.findAll({ order: [['name', 'ASC']] }));
}

export async function getGlobalRules(db: Db, t?: Tx): Promise<GlobalRules | null> {
  const row = await db.models.GlobalRules.findByPk(1, { transaction: t ?? undefined });
  if (!row) return null;
  const { id, createdAt, updatedAt, ...rules } = row.get({ plain: true }) as Record<string, unknown>;
  return rules as unknown as GlobalRules;
}

export async function loadConfiguration(db: Db): Promise<Configuration> {
  const [campaigns, skills, calendars, rules] = await Promise.all([listCampaigns(db), listSkills(db), listHolidayCalendars(db), getGlobalRules(db)]);
  if (!rules) throw new Error('global rules are not configured (seed the database first)');
  return { campaigns, skills, calendars: new Map(calendars.map((c) => [c.id, c])), rules };
}

/** Creates or replaces a campaign by name. */
export async function saveCampaign(db: Db, campaign: Omit<Campaign, 'id'>, t?: Tx): Promise<Campaign> {
  return saveByName(db.models.Campaign, campaign, t) as Promise<Campaign>;
}

export async function saveSkill(db: Db, skill: Omit<Skill, 'id'>, t?: Tx): Promise<Skill> {
  return saveByName(db.models.Skill, skill, t) as Promise<Skill>;
}

export async function saveHolidayCalendar(db: Db, calendar: Omit<HolidayCalendar, 'id'>, t?: Tx): Promise<HolidayCalendar> {
  return saveByName(db.models.HolidayCalendar, calendar, t) as Promise<HolidayCalendar>;
}

export async function saveGlobalRules(db: Db, rules: GlobalRules, t?: Tx): Promise<GlobalRules> {
  await db.models.GlobalRules.upsert({ id: 1, ...rules }, { transaction: t ?? undefined });
  return (await getGlobalRules(db, t)) as GlobalRules;
}

/** Unmarks every campaign but `name` as the agents' default; returns the names it unmarked. */
export async function clearOtherAgentDefaults(db: Db, name: string, t?: Tx): Promise<string[]> {
  const others = await db.models.Campaign.findAll({ where: { agentDefault: true }, attributes: ['name'], transaction: t ?? undefined });
  const names = others.map((r) => String(r.get('name'))).filter((n) => n !== name);
  if (names.length) await db.models.Campaign.update({ agentDefault: false }, { where: { name: names }, transaction: t ?? undefined });
  return names;
}

export async function deleteByName(db: Db, kind: 'Campaign' | 'Skill' | 'HolidayCalendar', name: string, t?: Tx): Promise<boolean> {
  return (await db.models[kind].destroy({ where: { name }, transaction: t ?? undefined })) > 0;
}

type NamedModel = Db['models']['Campaign'];
async function saveByName(model: NamedModel, value: { name: string } & Record<string, unknown>, t?: Tx): Promise<unknown> {
  const existing = await model.findOne({ where: { name: value.name }, transaction: t ?? undefined });
  const row = existing ? await existing.update(value, { transaction: t ?? undefined }) : await model.create(value, { transaction: t ?? undefined });
  const { createdAt, updatedAt, ...rest } = row.get({ plain: true }) as Record<string, unknown>;
  return rest;
}
