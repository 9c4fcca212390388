// What still uses a piece of configuration, so the admin API can refuse to delete it.
import { Op } from 'sequelize';
import { ACTIVE_STATES } from '../../domain/types.ts';
import type { Db } from '../index.ts';

/** Active callbacks booked on a campaign or a skill. */
export async function countActiveCallbacksUsing(db: Db, kind: 'campaign' | 'skill', name: string): Promise<number> {
  return db.models.Callback.count({ where: { [kind]: name, status: [...ACTIVE_STATES] } });
}

/** Campaigns and skills whose holidays come from a calendar. */
export async function listCalendarUsers(db: Db, calendarId: number): Promise<string[]> {
  const where = { holidayCalendarId: calendarId };
  const [campaigns, skills] = await Promise.all([db.models.Campaign.findAll({ where, attributes: ['name'] }), db.models.Skill.findAll({ where, attributes: ['name'] })]);
  return [...campaigns.map((c) => `campaign ${c.get('name')}`), ...skills.map((s) => `skill ${s.get('name')}`)];
}

/** Other rows of a kind than `name` (for checks such as one DDI per campaign). */
export async function listOtherCampaignDdis(db: Db, name: string): Promise<Array<{ name: string; ddi: string }>> {
  const rows = await db.models.Campaign.findAll({ where: { name: { [Op.ne]: name } }, attributes: ['name', 'ddi'] });
  return rows.map((r) => ({ name: String(r.get('name')), ddi: String(r.get('ddi')) }));
}
