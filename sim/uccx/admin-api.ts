// The UCCX admin REST API (/adminapi) as UCCX 12.5 answers it: Basic auth, XML by default and
// JSON on Accept: application/json, UCCX-like error bodies, and the documented limits. Each node
// of the HA pair serves it over the same state; only the master takes configuration writes.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { startOfDay, type SimClock } from './clock.ts';
import { campaignJson, campaignListXml, campaignXml, apiErrorXml, type SimCampaign } from './campaigns.ts';
import { ImportError, readContacts, readImportBody, type ImportedContact, type Limits } from './contacts.ts';
import { csvLine } from './csv.ts';
import type { ContactRow, DbCra } from './dbcra.ts';
import { STATUS_BY_NAME } from './codes.ts';

/** A misbehaving UCCX: answers `status`, never answers (`hang`), or answers normally after `delayMs` (beyond a client's timeout, the work is done but the answer is lost). */
export type Fault = null | { status: number } | { hang: true } | { delayMs: number };

/** What the simulator writes to its journal (sim/uccx/journal.ts): every accepted import and every DELETE of all contacts. */
export type JournalEntry =
  | { type: 'import'; at: string; node: string; campaignId: number; accounts: string[]; alreadyOpen: string[] }
  | { type: 'delete'; at: string; node: string; campaignId: number; open: string[] };

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
  /** HTTP status a standby node answers configuration writes with (undocumented for /adminapi: a setting). */
  standbyWriteStatus: number;
  /** Records every import and DELETE (chaos tests count contacts per callback from it); none by default. */
  journal?: ((entry: JournalEntry) => void) | null;
}

/** One node of the pair: where it listens and whether it is the master now. */
export interface AdminApiNode {
  baseUrl: () => string;
  isMaster: () => boolean;
}

/**
 * The pending-contacts header as Cisco's "Get List of Pending Contacts for Campaign" sample prints
 * it: lower case, ", " between names, wrapped after "phone1," and followed by blank lines.
 */
const PENDING_HEADER =
  'account number, first name, last name, phone1,\n        phone2, phone3, dial time, call result, callback number, call status, call result 01, call result 02, ' +
  'call result 03, last number dialled, calls made to phone 01, calls made to phone 02, calls made to phone 03, retry, num missed call back\n\n';

/** The statuses GET …/contacts?q= accepts (12.5 guide). */
const QUERY_STATUSES = ['PENDING', 'CALLBACK', 'RETRY', 'RETRIES_WITH_DELAY', 'MAX_CALLS', 'UNKNOWN'];

/** The pending-contacts CSV line of a dialinglist row, in PENDING_HEADER's order: call status numeric, retry a boolean (Cisco's sample). */
const pendingLine = (r: ContactRow) =>
  '        ' +
  csvLine(
    [
      r.accountnumber, r.firstname, r.lastname, r.phone01, r.phone02, r.phone03, '', r.callresult ?? 0, r.callbacknumber, r.callstatus,
      r.callresult01 ?? 0, r.callresult02 ?? 0, r.callresult03 ?? 0, r.lastnumberdialed ?? 0, r.callsmadetophone01 ?? 0, r.callsmadetophone02 ?? 0,
      r.callsmadetophone03 ?? 0, Number(r.retry ?? 0) > 0, r.nummissedcallback ?? 0,
    ],
    ', ',
  );

const escapeXml = (v: string) => v.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch] as string);

const error = (reply: FastifyReply, status: number, type: string, message: string, data = '') =>
  reply.code(status).type('application/xml').send(apiErrorXml(type, message, data));

export async function adminApi(app: FastifyInstance, { state, node }: { state: AdminApiState; node: AdminApiNode }): Promise<void> {
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    const fault = state.fault;
    if (fault && 'hang' in fault) return new Promise<void>(() => {}); // never answers; close() destroys the socket
    if (fault && !('delayMs' in fault)) return error(reply, fault.status, 'Internal.Error', 'Simulated UCCX failure');
    const expected = `Basic ${Buffer.from(`${state.user}:${state.password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return error(reply.header('www-authenticate', 'Basic realm="UCCX"'), 401, 'Unauthorized', 'Authentication failed');
    // The standby serves reads; configuration writes belong to the master (see docs/uccx-simulator.md, "HA pair").
    if (req.method !== 'GET' && !node.isMaster()) {
      return error(reply, state.standbyWriteStatus, 'Node.NotMaster', 'Configuration changes are allowed only on the master node; this node is the standby.');
    }
  });

  // A slow UCCX does the work, then answers late: a client that gave up meanwhile cannot know the import happened.
  app.addHook('onSend', async () => {
    const fault = state.fault;
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
  });

  const wantsJson = (accept: string | undefined) => (accept ?? '').includes('application/json');
  const campaignOr404 = (id: string, reply: FastifyReply) => {
    const c = state.campaigns.get(Number(id));
    if (!c) void error(reply, 404, 'Campaign.NotFound', `Campaign ${id} does not exist`);
    return c;
  };

  app.get('/adminapi/campaign', async (req, reply) => {
    const list = [...state.campaigns.values()];
    if (wantsJson(req.headers.accept)) return reply.send({ campaign: list.map((c) => campaignJson(c, node.baseUrl())) });
    return reply.type('application/xml').send(campaignListXml(list, node.baseUrl()));
  });

  app.get<{ Params: { id: string } }>('/adminapi/campaign/:id', async (req, reply) => {
    const c = campaignOr404(req.params.id, reply);
    if (!c) return reply;
    if (wantsJson(req.headers.accept)) return reply.send(campaignJson(c, node.baseUrl()));
    return reply.type('application/xml').send(campaignXml(c, node.baseUrl()));
  });

  app.post<{ Params: { id: string }; Body: string | object }>('/adminapi/campaign/:id/contacts', async (req, reply) => {
    const c = campaignOr404(req.params.id, reply);
    if (!c) return reply;
    try {
      const raw = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      const body = readImportBody(raw, String(req.headers['content-type'] ?? 'application/xml'));
      // The URL names the campaign. Cisco's own sample body ("Add Contacts to Campaign", Input XML Example 1)
      // posts <campaign name="Campaign1"> to campaign 200, and no document says a differing name is refused.
      const contacts = readContacts(body.csv, state.limits);
      const now = state.clock.now();
      const allowDuplicates = body.allowDuplicates ?? c.allowDuplicateContacts ?? false;
      const { keep, replace } = allowDuplicates ? { keep: contacts, replace: [] } : await withoutDuplicates(state, c.campaignId, contacts, now);
      const active = await state.db.countActive(c.campaignId);
      if (active + keep.length > state.limits.activePerCampaign) throw new ImportError('Contact.Campaign.Full', `A campaign holds at most ${state.limits.activePerCampaign} active contacts.`, String(active));
      const alreadyOpen = state.journal ? await openAccounts(state, c.campaignId, keep.map((k) => k.accountNumber)) : [];
      const imported = (await state.db.importContacts(c.campaignId, keep, now, replace)).length;
      state.journal?.({ type: 'import', at: new Date().toISOString(), node: node.baseUrl(), campaignId: c.campaignId, accounts: keep.map((k) => k.accountNumber), alreadyOpen });
      state.lastImport.set(c.campaignId, { startTime: now.getTime(), count: imported });
      return reply.code(202).header('location', `${node.baseUrl()}/adminapi/campaign/${c.campaignId}/contacts/status`).send();
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
    const csv = `${PENDING_HEADER}${rows.map(pendingLine).join('\n')}\n        `;
    const refUrl = `${node.baseUrl()}/adminapi/campaign/${c.campaignId}`;
    if (wantsJson(req.headers.accept)) return reply.send({ campaign: { '@name': c.campaignName, refURL: refUrl }, csvdata: csv });
    return reply
      .type('application/xml')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<campaignContacts>\n    <campaign name="${escapeXml(c.campaignName)}">\n        <refURL>${escapeXml(refUrl)}</refURL>\n    </campaign>\n` +
          `    <csvdata>${escapeXml(csv)}</csvdata>\n</campaignContacts>`,
      );
  });

  app.get<{ Params: { id: string } }>('/adminapi/campaign/:id/contacts/status', async (req, reply) => {
    const c = campaignOr404(req.params.id, reply);
    if (!c) return reply;
    // Shape of Cisco's "Get Campaign Contacts Import Status" sample: an AUTO entry (file imports) and a MANUAL one (the API's).
    const last = state.lastImport.get(c.campaignId);
    const i18n = (key: string) => `<i18n><Key>${key}</Key><Args><Arg/></Args></i18n>`;
    const manual = last
      ? `<status importType="MANUAL"><result>SUCCESS</result><startTime>${last.startTime}</startTime><numContactsImported>${last.count}</numContactsImported>${i18n('obss.schedule.import.success')}</status>`
      : '<status importType="MANUAL"><result>NONE</result></status>';
    const auto = '<status importType="AUTO"><result>NONE</result></status>';
    const self = `<self>${escapeXml(node.baseUrl())}/adminapi/campaign/${c.campaignId}</self><campaignId>${c.campaignId}</campaignId>`;
    return reply.type('application/xml').send(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><statusDetails>${self}<importStatus>${auto}${manual}</importStatus></statusDetails>`);
  });

  app.delete<{ Params: { id: string } }>('/adminapi/campaign/:id/contacts', async (req, reply) => {
    const c = campaignOr404(req.params.id, reply);
    if (!c) return reply;
    const open = state.journal ? await openAccounts(state, c.campaignId) : [];
    await state.db.deleteAllContacts(c.campaignId);
    state.journal?.({ type: 'delete', at: new Date().toISOString(), node: node.baseUrl(), campaignId: c.campaignId, open });
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

/** Account numbers with an open row (not closed, not max calls) in the campaign, of `only` when given. */
async function openAccounts(state: AdminApiState, campaignId: number, only?: string[]): Promise<string[]> {
  if (only && only.length === 0) return [];
  const rows = await state.db.query<{ accountnumber: string }>(
    `SELECT accountnumber FROM dialinglist WHERE campaignid = :campaignId AND callstatus NOT IN (3, 5)${only ? ' AND accountnumber IN (:only)' : ''}`,
    { campaignId, only },
  );
  return rows.map((r) => r.accountnumber);
}
