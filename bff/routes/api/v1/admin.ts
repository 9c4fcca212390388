// Admin API: configuration lives in the database and is changed here (admin role only). PUT
// creates or replaces by name; calendars are referenced by name. Every write is checked field by
// field (422 invalid_configuration), audited (GET /audit), and a delete of something in use is
// refused (409 in_use). The examples are what the OpenAPI document at /docs shows.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listAudit } from '../../../../db/queries/audit.ts';
import { getGlobalRules, listCampaigns, listHolidayCalendars, listSkills } from '../../../../db/queries/config.ts';
import type { Campaign, GlobalRules, Skill } from '../../../../domain/types.ts';
import { NotFound } from '../../../services/errors.ts';
import {
  deleteHolidayCalendar,
  deleteNamed,
  putCampaign,
  putGlobalRules,
  putHolidayCalendar,
  putSkill,
  type AdminContext,
} from '../../../services/configuration.ts';
import { campaignBody, calendarBody, nameParams, rulesBody, skillBody } from './admin.schemas.ts';
import { CAMPAIGN_EXAMPLE, CALENDAR_EXAMPLE, RULES_EXAMPLE, SKILL_EXAMPLE } from './admin.examples.ts';

type Named = { Params: { name: string } };
const tags = ['admin'];
const withExample = <T extends object>(schema: T, example: unknown) => ({ ...schema, examples: [example] });
const refused = { 409: { description: 'still in use (in_use, with the reason)', type: 'object', additionalProperties: true }, 422: { description: 'a field is invalid (invalid_configuration, one entry per field)', type: 'object', additionalProperties: true } };

export default async function admin(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', app.requireAdmin);
  const db = app.db;
  const ctx = (req: FastifyRequest): AdminContext => ({
    db,
    actor: req.principal?.id ?? 'unknown',
    now: app.services.now,
    uccxCampaignNames: () => app.uccxDirectory.campaignNames(),
    changed: () => app.services.config.invalidate(),
  });

  async function calendarId(name: string | null | undefined): Promise<number | null> {
    if (!name) return null;
    const found = (await listHolidayCalendars(db)).find((c) => c.name === name);
    if (!found) throw new NotFound(`holiday calendar ${name}`);
    return found.id;
  }
  type Body = Record<string, unknown> & { holidayCalendar?: string | null };
  const withCalendar = async <T>(name: string, body: Body): Promise<T> => {
    const { holidayCalendar, ...rest } = body;
    return { ...rest, name, holidayCalendarId: await calendarId(holidayCalendar) } as T;
  };

  app.get('/campaigns', { schema: { tags, summary: 'List the callback campaigns (one per presented DDI)' } }, async () => listCampaigns(db));
  app.put<Named & { Body: Body }>(
    '/campaigns/:name',
    { schema: { tags, summary: 'Create or replace a campaign', description: 'Maps a presented DDI to a UCCX IVR campaign, with its dial plan, zone, holidays and retry policy. The UCCX campaign must exist (checked through /adminapi/campaign).', params: nameParams, body: withExample(campaignBody, CAMPAIGN_EXAMPLE), response: refused } },
    async (req) => {
      const { saved, warnings } = await putCampaign(ctx(req), await withCalendar<Omit<Campaign, 'id'>>(req.params.name, req.body));
      return warnings.length ? { ...saved, warnings } : saved;
    },
  );
  app.delete<Named>('/campaigns/:name', { schema: { tags, summary: 'Delete a campaign no active callback uses', params: nameParams, response: refused } }, async (req, reply) => {
    await deleteNamed(ctx(req), 'campaign', req.params.name);
    return reply.code(204).send();
  });

  app.get('/skills', { schema: { tags, summary: 'List the skills (UCCX CSQs) with their weekly hours' } }, async () => listSkills(db));
  app.put<Named & { Body: Body }>(
    '/skills/:name',
    { schema: { tags, summary: 'Create or replace a skill', description: 'Weekly hours per ISO weekday (1 = Monday) in the skill\'s zone; a range may run past midnight.', params: nameParams, body: withExample(skillBody, SKILL_EXAMPLE), response: refused } },
    async (req) => putSkill(ctx(req), await withCalendar<Omit<Skill, 'id'>>(req.params.name, req.body)),
  );
  app.delete<Named>('/skills/:name', { schema: { tags, summary: 'Delete a skill no active callback uses', params: nameParams, response: refused } }, async (req, reply) => {
    await deleteNamed(ctx(req), 'skill', req.params.name);
    return reply.code(204).send();
  });

  app.get('/holiday-calendars', { schema: { tags, summary: 'List the holiday calendars' } }, async () => listHolidayCalendars(db));
  app.put<Named & { Body: { country?: string | null; region?: string | null; customDates: string[] } }>(
    '/holiday-calendars/:name',
    { schema: { tags, summary: 'Create or replace a holiday calendar', description: "A country's (and region's) public holidays from date-holidays, plus custom closed dates.", params: nameParams, body: withExample(calendarBody, CALENDAR_EXAMPLE), response: refused } },
    async (req) => putHolidayCalendar(ctx(req), { country: null, region: null, ...req.body, name: req.params.name }),
  );
  app.delete<Named>('/holiday-calendars/:name', { schema: { tags, summary: 'Delete a holiday calendar no campaign or skill uses', params: nameParams, response: refused } }, async (req, reply) => {
    await deleteHolidayCalendar(ctx(req), req.params.name);
    return reply.code(204).send();
  });

  app.get('/global-rules', { schema: { tags, summary: 'The global booking rules' } }, async () => getGlobalRules(db));
  app.put<{ Body: GlobalRules }>(
    '/global-rules',
    { schema: { tags, summary: 'Replace the global booking rules', description: 'Lead time, horizon, customer calling window (customer local time), slot size and capacities, expiry and the personal → skill fallback wait.', body: withExample(rulesBody, RULES_EXAMPLE), response: refused } },
    async (req) => putGlobalRules(ctx(req), req.body),
  );

  app.get<{ Querystring: { limit?: number; before?: number; target?: string } }>(
    '/audit',
    {
      schema: {
        tags,
        summary: 'The audit log: every configuration change and admin action, newest first',
        querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, before: { type: 'integer', minimum: 1 }, target: { type: 'string', maxLength: 100 } } },
      },
    },
    async (req) => listAudit(db, { limit: req.query.limit ?? 100, beforeId: req.query.before ?? null, target: req.query.target ?? null }),
  );
}
