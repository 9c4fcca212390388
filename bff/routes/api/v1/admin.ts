// Admin API: configuration lives in the database and is changed here (admin role only). PUT
// creates or replaces by name; calendars are referenced by name. Every write is checked field by
// field (422 invalid_configuration), audited (GET /audit), and a delete of something in use is
// refused (409 in_use). The examples are what the OpenAPI document at /docs shows.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../../../config/settings.ts';
import { listAudit } from '../../../../db/queries/audit.ts';
import { getGlobalRules, listCampaigns, listHolidayCalendars, listSkills } from '../../../../db/queries/config.ts';
import type { Campaign, GlobalRules, Skill } from '../../../../domain/types.ts';
import { NotFound } from '../../../services/errors.ts';
import {
  deleteHolidayCalendar,
  deleteNamed,
  publicHolidays,
  putCampaign,
  putGlobalRules,
  putHolidayCalendar,
  putSkill,
  type AdminContext,
} from '../../../services/configuration.ts';
import { listConnections } from '../../../services/connections.ts';
import { campaignBody, calendarBody, nameParams, publicHolidaysQuery, rulesBody, skillBody } from './admin.schemas.ts';
import * as ex from './admin.examples.ts';

type Named = { Params: { name: string } };
const tags = ['admin'];
const withExample = <T extends object>(schema: T, example: unknown) => ({ ...schema, examples: [example] });
/** A documented answer with its example; additionalProperties keeps every field in the reply. */
const answer = (description: string, example: unknown) =>
  Array.isArray(example)
    ? { description, type: 'array', items: { type: 'object', additionalProperties: true }, examples: [example] }
    : { description, type: 'object', additionalProperties: true, examples: [example] };
const refused = {
  409: answer('still in use (in_use, with the reason)', ex.IN_USE_EXAMPLE),
  422: answer('a field is invalid (invalid_configuration, one entry per field)', { error: 'invalid_configuration', errors: [{ field: 'timeZone', code: 'INVALID_TIME_ZONE', message: '"Mars/Base" is not an IANA time zone (e.g. Europe/Warsaw)' }] }),
};
const deleted = { 204: { description: 'deleted', type: 'null' }, ...refused };

export default async function admin(app: FastifyInstance, opts: { config: Config }): Promise<void> {
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

  app.get('/campaigns', { schema: { tags, summary: 'List the callback campaigns (one per presented DDI)', description: 'Every campaign with its DDI, UCCX campaign, dial plan, zone, holiday calendar (by id), retry policy, purge time, personal wait and whether it is the agents\' default.', response: { 200: answer('the campaigns by name', ex.CAMPAIGN_LIST_EXAMPLE) } } }, async () => listCampaigns(db));
  app.put<Named & { Body: Body }>(
    '/campaigns/:name',
    { schema: { tags, summary: 'Create or replace a campaign', description: 'Maps a presented DDI to a UCCX IVR campaign, with its dial plan, zone, holidays and retry policy. The UCCX campaign must exist (checked through /adminapi/campaign). purgeAt and personalFallbackSeconds override the global values (null: global); agentDefault marks the one campaign agents get when the call\'s DDI matches none (marking it unmarks the other).', params: nameParams, body: withExample(campaignBody, ex.CAMPAIGN_EXAMPLE), response: { 200: answer('the saved campaign (warnings when UCCX could not be asked)', ex.CAMPAIGN_LIST_EXAMPLE[0]), ...refused } } },
    async (req) => {
      const { saved, warnings } = await putCampaign(ctx(req), await withCalendar<Omit<Campaign, 'id'>>(req.params.name, req.body));
      return warnings.length ? { ...saved, warnings } : saved;
    },
  );
  app.delete<Named>('/campaigns/:name', { schema: { tags, summary: 'Delete a campaign no active callback uses', description: 'Refused (409 in_use) while active callbacks are booked on it: reassign or cancel them first.', params: nameParams, response: deleted } }, async (req, reply) => {
    await deleteNamed(ctx(req), 'campaign', req.params.name);
    return reply.code(204).send();
  });

  app.get('/skills', { schema: { tags, summary: 'List the skills (UCCX CSQs) with their weekly hours', description: 'Each skill with its CSQ, weekly hours per ISO weekday in its zone, holiday calendar (by id) and personal wait override.', response: { 200: answer('the skills by name', ex.SKILL_LIST_EXAMPLE) } } }, async () => listSkills(db));
  app.put<Named & { Body: Body }>(
    '/skills/:name',
    { schema: { tags, summary: 'Create or replace a skill', description: 'Weekly hours per ISO weekday (1 = Monday) in the skill\'s zone, "HH:MM-HH:MM"; a range may run past midnight. personalFallbackSeconds (0-600, null = campaign or global) is how long a personal callback on this skill waits for its agent.', params: nameParams, body: withExample(skillBody, ex.SKILL_EXAMPLE), response: { 200: answer('the saved skill', ex.SKILL_LIST_EXAMPLE[0]), ...refused } } },
    async (req) => putSkill(ctx(req), await withCalendar<Omit<Skill, 'id'>>(req.params.name, req.body)),
  );
  app.delete<Named>('/skills/:name', { schema: { tags, summary: 'Delete a skill no active callback uses', description: 'Refused (409 in_use) while active callbacks are booked on it: reassign or cancel them first.', params: nameParams, response: deleted } }, async (req, reply) => {
    await deleteNamed(ctx(req), 'skill', req.params.name);
    return reply.code(204).send();
  });

  app.get('/holiday-calendars', { schema: { tags, summary: 'List the holiday calendars', description: 'Each calendar with its date-holidays country/region and custom closed dates.', response: { 200: answer('the calendars by name', ex.CALENDAR_LIST_EXAMPLE) } } }, async () => listHolidayCalendars(db));
  app.get<{ Querystring: { country: string; region?: string; year: number } }>(
    '/holiday-calendars/public-holidays',
    { schema: { tags, summary: "A year's public holidays of a country/region, before they are used", description: 'The dates the booking rules treat as closed for this country/region (date-holidays, public holidays only), with their names, so the administrator sees them before saving a calendar.', querystring: publicHolidaysQuery, response: { 200: answer('date and name of each public holiday', ex.PUBLIC_HOLIDAYS_EXAMPLE), 422: refused[422] } } },
    async (req) => publicHolidays(req.query.country, req.query.region ?? null, req.query.year),
  );
  app.put<Named & { Body: { country?: string | null; region?: string | null; customDates: string[] } }>(
    '/holiday-calendars/:name',
    { schema: { tags, summary: 'Create or replace a holiday calendar', description: "A country's (and region's) public holidays from date-holidays, plus custom closed dates.", params: nameParams, body: withExample(calendarBody, ex.CALENDAR_EXAMPLE), response: { 200: answer('the saved calendar', ex.CALENDAR_LIST_EXAMPLE[0]), ...refused } } },
    async (req) => putHolidayCalendar(ctx(req), { country: null, region: null, ...req.body, name: req.params.name }),
  );
  app.delete<Named>('/holiday-calendars/:name', { schema: { tags, summary: 'Delete a holiday calendar no campaign or skill uses', description: 'Refused (409 in_use) naming the campaigns and skills that still use it.', params: nameParams, response: deleted } }, async (req, reply) => {
    await deleteHolidayCalendar(ctx(req), req.params.name);
    return reply.code(204).send();
  });

  app.get('/global-rules', { schema: { tags, summary: 'The global booking rules', description: 'Lead time, horizon, calling window, slots and capacities, expiry and the global personal → skill wait.', response: { 200: answer('the rules', ex.RULES_EXAMPLE) } } }, async () => getGlobalRules(db));
  app.put<{ Body: GlobalRules }>(
    '/global-rules',
    { schema: { tags, summary: 'Replace the global booking rules', description: 'Lead time, horizon, customer calling window (customer local time), slot size and capacities, expiry and the personal → skill fallback wait.', body: withExample(rulesBody, ex.RULES_EXAMPLE), response: { 200: answer('the saved rules', ex.RULES_EXAMPLE), ...refused } } },
    async (req) => putGlobalRules(ctx(req), req.body),
  );

  app.get<{ Querystring: { check?: boolean } }>(
    '/connections',
    { schema: { tags, summary: 'State of the connections to Finesse, each UCCX node and db_cra (read-only)', description: 'Where each one is (host only; credentials are set in the environment and never shown) and how the last calls from any instance went, as /readyz reads them. check=true also asks each UCCX node now.', querystring: { type: 'object', additionalProperties: false, properties: { check: { type: 'boolean', default: false } } }, response: { 200: answer('one entry per connection', ex.CONNECTIONS_EXAMPLE) } } },
    async (req) => listConnections(db, opts.config, app.services.now(), { check: req.query.check === true }),
  );

  app.get<{ Querystring: { limit?: number; before?: number; target?: string } }>(
    '/audit',
    {
      schema: {
        tags,
        summary: 'The audit log: every configuration change and admin action, newest first',
        description: 'Who, when, what and the value before and after; page back with before=<id>, filter with target (e.g. skill:Sales).',
        querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, before: { type: 'integer', minimum: 1 }, target: { type: 'string', maxLength: 100 } } },
        response: { 200: answer('entries, newest first', ex.AUDIT_EXAMPLE) },
      },
    },
    async (req) => listAudit(db, { limit: req.query.limit ?? 100, beforeId: req.query.before ?? null, target: req.query.target ?? null }),
  );
}
