// The UCCX admin REST API (/adminapi) as UCCX 12.5 answers it: Basic auth, XML by default and
// JSON on Accept: application/json, UCCX-like error bodies, and the documented limits.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { startOfDay, type SimClock } from './clock.ts';
import { campaignJson, campaignListXml, campaignXml, apiErrorXml, type SimCampaign } from './campaigns.ts';
import { ImportError, readContacts, readImportBody, type ImportedContact, type Limits } from './contacts.ts';
import { csvLine } from './csv.ts';
import type { ContactRow, DbCra } from './dbcra.ts';
import { STATUS_BY_NAME, STATUS_NAMES } from './codes.ts';

export type Fault = null | { status: number } | { hang: true };

export interface AdminApiState {
  db: DbCra;
  clock: SimClock;
  campaigns: Map<number, SimCampaign>;
  user: string;
  password: string;
  fault: Fault;
  /** Unverified UCCX behaviour for duplicates without allowDuplicateContacts: drop or overwrite. */
  duplicateMode: 'drop' | 'overwrite';
  limits: Limits;
  /** UCCX server zone: "dialled since midnight" is its midnight. */
  timeZone: string;
  lastImport: Map<number, { startTime: number; count: number }>;
  baseUrl: () => string;
}

const PENDING_HEADER = [
  'Account Number', 'First Name', 'Last Name', 'Phone1', 'Phone2', 'Phone3', 'Dial Time', 'Call Result', 'Callback Number', 'Call Status',
  'Call Result 01', 'Call Result 02', 'Call Result 03', 'Last Number Dialed', 'Calls Made To Phone 01', 'Calls Made To Phone 02',
  'Calls Made To Phone 03', 'Retry', 'Num Missed Call Back',
];

/** The statuses GET …/contacts?q= accepts (12.5 guide). */
const QUERY_STATUSES = ['PENDING', 'CALLBACK', 'RETRY', 'RETRIES_WITH_DELAY', 'MAX_CALLS', 'UNKNOWN'];

/** The pending-contacts CSV line of a dialinglist row, in PENDING_HEADER's order. */
const pendingLine = (r: ContactRow) =>
  csvLine([
    r.accountnumber, r.firstname, r.lastname, r.phone01, r.phone02, r.phone03, '', r.callresult, r.callbacknumber, STATUS_NAMES[r.callstatus],
    r.callresult01, r.callresult02, r.callresult03, r.lastnumberdialed, r.callsmadetophone01, r.callsmadetophone02, r.callsmadetophone03,
    r.retry, r.nummissedcallback,
  ]);

const error = (reply: FastifyReply, status: number, type: string, message: string, data = '') =>
  reply.code(status).type('application/xml').send(apiErrorXml(type, message, data));

export async function adminApi(app: FastifyInstance, state: AdminApiState): Promise<void> {
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    const fault = state.fault;
    if (fault && 'hang' in fault) return new Promise<void>(() => {}); // never answers; close() destroys the socket
    if (fault) return error(reply, fault.status, 'Internal.Error', 'Simulated UCCX failure');
    const expected = `Basic ${Buffer.from(`${state.user}:${state.password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return error(reply.header('www-authenticate', 'Basic realm="UCCX"'), 401, 'Unauthorized', 'Authentication failed');
  });

  const wantsJson = (accept: string | undefined) => (accept ?? '').includes('application/json');
  const campaignOr404 = (id: string, reply: FastifyReply) => {
    const c = state.campaigns.get(Number(id));
    if (!c) void error(reply, 404, 'Campaign.NotFound', `Campaign ${id} does not exist`);
    return c;
  };

  app.get('/adminapi/campaign', async (req, reply) => {
    const list = [...state.campaigns.values()];
    if (wantsJson(req.headers.accept)) return reply.send({ campaign: list.map((c) => campaignJson(c, state.baseUrl())) });
    return reply.type('application/xml').send(campaignListXml(list, state.baseUrl()));
  });

  app.get<{ Params: { id: string } }>('/adminapi/campaign/:id', async (req, reply) => {
    const c = campaignOr404(req.params.id, reply);
    if (!c) return reply;
    if (wantsJson(req.headers.accept)) return reply.send(campaignJson(c, state.baseUrl()));
    return reply.type('application/xml').send(campaignXml(c, state.baseUrl()));
  });

  app.post<{ Params: { id: string }; Body: string | object }>('/adminapi/campaign/:id/contacts', async (req, reply) => {
    const c = campaignOr404(req.params.id, reply);
    if (!c) return reply;
    try {
      const raw = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      const body = readImportBody(raw, String(req.headers['content-type'] ?? 'application/xml'));
      if (body.campaignName && body.campaignName !== c.campaignName) throw new ImportError('Campaign.Mismatch', `campaign name ${body.campaignName} does not match campaign ${c.campaignId}`);
      const contacts = readContacts(body.csv, state.limits);
      const now = state.clock.now();
      const allowDuplicates = body.allowDuplicates ?? c.allowDuplicateContacts ?? false;
      const { keep, replace } = allowDuplicates ? { keep: contacts, replace: [] } : await withoutDuplicates(state, c.campaignId, contacts, now);
      const active = await state.db.countActive(c.campaignId);
      if (active + keep.length > state.limits.activePerCampaign) throw new ImportError('Contact.Campaign.Full', `A campaign holds at most ${state.limits.activePerCampaign} active contacts.`, String(active));
      const imported = (await state.db.importContacts(c.campaignId, keep, now, replace)).length;
      state.lastImport.set(c.campaignId, { startTime: now.getTime(), count: imported });
      return reply.code(202).header('location', `${state.baseUrl()}/adminapi/campaign/${c.campaignId}/contacts/status`).send();
    } catch (e) {
      if (e instanceof ImportError) return error(reply, 400, e.errorType, e.message, e.errorData);
      throw e;
    }
  });

  app.get<{ Params: { id: string }; Querystring: { q?: string } }>('/adminapi/campaign/:id/contacts', async (req, reply) => {
    const c = campaignOr404(req.params.id, reply);
    if (!c) return reply;
    const q = req.query.q?.toUpperCase();
    if (q && !QUERY_STATUSES.includes(q)) return error(reply, 400, 'Invalid.Query', `q must be one of PENDING, CALLBACK, RETRY, RETRIES_WITH_DELAY, MAX_CALLS, UNKNOWN`);
    const rows = await state.db.openContacts(c.campaignId, q ? [STATUS_BY_NAME[q] as number] : undefined, 10_000);
    return reply.type('text/csv').send([PENDING_HEADER.join(','), ...rows.map(pendingLine)].join('\n'));
  });

  app.get<{ Params: { id: string } }>('/adminapi/campaign/:id/contacts/status', async (req, reply) => {
    const c = campaignOr404(req.params.id, reply);
    if (!c) return reply;
    const last = state.lastImport.get(c.campaignId);
    const status = last
      ? `<status importType="MANUAL"><result>SUCCESS</result><startTime>${last.startTime}</startTime><numContactsImported>${last.count}</numContactsImported></status>`
      : '<status importType="MANUAL"><result>NONE</result></status>';
    return reply.type('application/xml').send(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><statusDetails><importStatus>${status}</importStatus></statusDetails>`);
  });

  app.delete<{ Params: { id: string } }>('/adminapi/campaign/:id/contacts', async (req, reply) => {
    const c = campaignOr404(req.params.id, reply);
    if (!c) return reply;
    await state.db.deleteAllContacts(c.campaignId);
    return reply.code(200).send();
  });
}

/**
 * UCCX's duplicate rule without allowDuplicateContacts: a Phone1 that is still open or was dialled
 * since midnight (also earlier in the same file) is dropped, or in "overwrite" mode replaces the
 * open contact (which one UCCX does is unverified). Dialled-and-closed ones are never replaced.
 */
async function withoutDuplicates(state: AdminApiState, campaignId: number, contacts: ImportedContact[], now: Date): Promise<{ keep: ImportedContact[]; replace: string[] }> {
  const taken = await state.db.duplicatePhones(campaignId, startOfDay(now, state.timeZone));
  const open = state.duplicateMode === 'overwrite' ? new Set((await state.db.openContacts(campaignId, [1, 4, 6, 7, 8], Number.MAX_SAFE_INTEGER)).map((r) => r.phone01)) : new Set<string>();
  const keep = new Map<string, ImportedContact>();
  const replace = new Set<string>();
  for (const contact of contacts) {
    const phone = contact.phones[0] as string;
    if (state.duplicateMode === 'overwrite' && (keep.has(phone) || open.has(phone))) {
      if (open.has(phone)) replace.add(phone);
      keep.set(phone, contact); // the later contact wins
    } else if (!taken.has(phone) && !keep.has(phone)) keep.set(phone, contact);
  }
  return { keep: [...keep.values()], replace: [...replace] };
}
