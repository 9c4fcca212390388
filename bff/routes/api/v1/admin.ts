// Admin API: configuration lives in the database and is changed here (admin role only).
// PUT creates or replaces by name; calendars are referenced by name.
import type { FastifyInstance } from 'fastify';
import {
  deleteByName,
  getGlobalRules,
  listCampaigns,
  listHolidayCalendars,
  listSkills,
  saveCampaign,
  saveGlobalRules,
  saveHolidayCalendar,
  saveSkill,
} from '../../../../db/queries/config.ts';
import type { Campaign, GlobalRules, Skill } from '../../../../domain/types.ts';
import { NotFound } from '../../../services/errors.ts';
import { campaignBody, calendarBody, nameParams, rulesBody, skillBody } from './admin.schemas.ts';

type Named = { Params: { name: string } };
const tags = ['admin'];

export default async function admin(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', app.requireAdmin);
  const db = app.db;
  const changed = () => app.services.config.invalidate();

  async function calendarId(name: string | null | undefined): Promise<number | null> {
    if (!name) return null;
    const found = (await listHolidayCalendars(db)).find((c) => c.name === name);
    if (!found) throw new NotFound(`holiday calendar ${name}`);
    return found.id;
  }

  /** GET list, PUT (create or replace by name, calendar by name) and DELETE of one kind. */
  function namedResource<T extends { name: string; holidayCalendarId?: number | null }>(
    path: string,
    kind: 'Campaign' | 'Skill',
    body: object,
    list: () => Promise<T[]>,
    save: (value: Omit<T, 'id'>) => Promise<T>,
  ) {
    app.get(path, { schema: { tags } }, async () => list());
    app.put<Named & { Body: Record<string, unknown> & { holidayCalendar?: string | null } }>(
      `${path}/:name`,
      { schema: { tags, params: nameParams, body } },
      async (req) => {
        const { holidayCalendar, ...rest } = req.body;
        const saved = await save({ ...rest, name: req.params.name, holidayCalendarId: await calendarId(holidayCalendar) } as unknown as Omit<T, 'id'>);
        changed();
        return saved;
      },
    );
    app.delete<Named>(`${path}/:name`, { schema: { tags, params: nameParams } }, async (req, reply) => {
      if (!(await deleteByName(db, kind, req.params.name))) throw new NotFound(kind.toLowerCase());
      changed();
      return reply.code(204).send();
    });
  }

  namedResource<Campaign>('/campaigns', 'Campaign', campaignBody, () => listCampaigns(db), (c) => saveCampaign(db, c));
  namedResource<Skill>('/skills', 'Skill', skillBody, () => listSkills(db), (s) => saveSkill(db, s));

  app.get('/holiday-calendars', { schema: { tags } }, async () => listHolidayCalendars(db));
  app.put<Named & { Body: { country?: string | null; region?: string | null; customDates: string[] } }>(
    '/holiday-calendars/:name',
    { schema: { tags, params: nameParams, body: calendarBody } },
    async (req) => {
      const saved = await saveHolidayCalendar(db, { ...req.body, name: req.params.name });
      changed();
      return saved;
    },
  );

  app.get('/global-rules', { schema: { tags } }, async () => getGlobalRules(db));
  app.put<{ Body: GlobalRules }>('/global-rules', { schema: { tags, body: rulesBody } }, async (req) => {
    const saved = await saveGlobalRules(db, req.body);
    changed();
    return saved;
  });
}
