// The UCCX admin REST API (/adminapi) as the Campaign Manager uses it: find the callback
// campaigns, import contacts, read what is pending, read the import status, delete all contacts.
// Plain HTTP with Basic auth; every call has a timeout and honours the caller's AbortSignal.
// UCCX runs as an HA pair: writes go to the master (ha-nodes.ts finds and follows it), reads to
// whichever node answers.
import { CONTACT_LIMITS, parseCsvObjects, type ContactRow } from './csv.ts';
import { buildCampaignContactsXml, parseCampaignList, parseImportStatus, pendingContactsCsv, type ImportStatus, type UccxCampaign } from './contacts-xml.ts';
import { UccxError, uccxErrorMessage, uccxErrorType } from './errors.ts';
import { UccxNodes } from './ha-nodes.ts';

export interface AdminClientOptions {
  /** The first node (the master when the pair starts). */
  url: string;
  /** The other node of the HA pair, if any. */
  url2?: string | null;
  user: string;
  password: string;
  /** Per request, connect and read together. */
  timeoutMs?: number;
  allowDuplicateContacts?: boolean;
  /** How long the campaign list is trusted before it is read again. */
  campaignCacheMs?: number;
}

/** A contact as GET …/contacts lists it (pending, callback or retry: closed ones are not listed). */
export interface PendingContact {
  accountNumber: string;
  firstName: string;
  lastName: string;
  phone1: string;
  callStatus: string;
  callResult: string;
}

export class UccxAdminClient {
  private readonly auth: string;
  private campaigns: { at: number; list: UccxCampaign[] } | null = null;
  readonly nodes: UccxNodes;

  constructor(private readonly opts: AdminClientOptions) {
    this.nodes = new UccxNodes([opts.url, ...(opts.url2 ? [opts.url2] : [])]);
    this.auth = `Basic ${Buffer.from(`${opts.user}:${opts.password}`).toString('base64')}`;
  }

  async listCampaigns(signal?: AbortSignal): Promise<UccxCampaign[]> {
    const body = await this.read('/adminapi/campaign', { signal });
    const list = parseCampaignList(body);
    this.campaigns = { at: Date.now(), list };
    return list;
  }

  /** The UCCX campaign id of a campaign name (names are unique and immutable in UCCX), cached. */
  async campaignIdByName(name: string, signal?: AbortSignal): Promise<number | null> {
    const fresh = this.campaigns && Date.now() - this.campaigns.at < (this.opts.campaignCacheMs ?? 300_000);
    const cached = fresh ? this.campaigns?.list.find((c) => c.campaignName === name) : undefined;
    if (cached) return cached.campaignId;
    const list = await this.listCampaigns(signal);
    return list.find((c) => c.campaignName === name)?.campaignId ?? null;
  }

  /** POST one batch (at most 500: the HA-over-WAN limit) into the campaign's dialing list. */
  async addContacts(campaign: { id: number; name: string }, contacts: readonly ContactRow[], signal?: AbortSignal): Promise<{ status: number; location: string | null }> {
    if (contacts.length === 0) return { status: 200, location: null };
    if (contacts.length > 500) throw new RangeError('UCCX imports at most 500 contacts per request');
    const xml = buildCampaignContactsXml({
      campaignName: campaign.name,
      campaignRefUrl: `${this.nodes.master}/adminapi/campaign/${campaign.id}`,
      allowDuplicateContacts: this.opts.allowDuplicateContacts ?? true,
      contacts: contacts.map(clipToLimits),
    });
    let status = 0;
    let location: string | null = null;
    await this.write('POST', `/adminapi/campaign/${campaign.id}/contacts`, {
      body: xml,
      signal,
      onResponse: (r) => ((status = r.status), (location = r.headers.get('location'))),
    });
    return { status, location };
  }

  /** GET …/contacts[?q=…]: the contacts still to be dialled (<campaignContacts> with <csvdata>, at most 10,000 rows). */
  async pendingContacts(campaignId: number, opts: { q?: string; signal?: AbortSignal } = {}): Promise<PendingContact[]> {
    const query = opts.q ? `?q=${encodeURIComponent(opts.q)}` : '';
    const body = await this.read(`/adminapi/campaign/${campaignId}/contacts${query}`, { signal: opts.signal });
    return parseCsvObjects(pendingContactsCsv(body)).map((r) => ({
      accountNumber: r.accountnumber ?? '',
      firstName: r.firstname ?? '',
      lastName: r.lastname ?? '',
      phone1: r.phone1 ?? '',
      callStatus: r.callstatus ?? '',
      callResult: r.callresult ?? '',
    }));
  }

  /** The MANUAL import's status (the API's imports are manual ones), asked of the master that took the import. */
  async importStatus(campaignId: number, signal?: AbortSignal): Promise<ImportStatus> {
    return parseImportStatus(await this.read(`/adminapi/campaign/${campaignId}/contacts/status`, { signal, masterFirst: true }));
  }

  /** DELETE …/contacts: removes every contact of the campaign (UCCX has no per-contact delete). */
  async deleteAllContacts(campaignId: number, signal?: AbortSignal): Promise<void> {
    await this.write('DELETE', `/adminapi/campaign/${campaignId}/contacts`, { signal });
  }

  /** A configuration write: to the master; to the other node only when the first certainly did not apply it. */
  private async write(method: string, path: string, o: { body?: string; signal?: AbortSignal; onResponse?: (r: Response) => void }): Promise<string> {
    let firstError: UccxError | null = null;
    for (const node of this.nodes.writeOrder()) {
      try {
        const body = await this.request(node, method, path, o);
        this.nodes.answeredWrite(node);
        return body;
      } catch (err) {
        if (!(err instanceof UccxError) || !err.tryOtherNode || o.signal?.aborted) throw err;
        this.nodes.refusedWrite(node);
        firstError ??= err;
      }
    }
    throw firstError as UccxError;
  }

  /** A read: any node answers it; the one that answered last is asked first. */
  private async read(path: string, o: { signal?: AbortSignal; masterFirst?: boolean }): Promise<string> {
    let lastError: unknown = null;
    for (const node of this.nodes.readOrder(o.masterFirst ?? false)) {
      try {
        const body = await this.request(node, 'GET', path, o);
        this.nodes.answeredRead(node);
        return body;
      } catch (err) {
        // Data errors and missing objects are the same on both nodes; anything else may be this node's.
        if (!(err instanceof UccxError) || o.signal?.aborted || err.permanent || err.status === 401 || err.status === 404) throw err;
        lastError = err;
      }
    }
    throw lastError;
  }

  private async request(
    base: string,
    method: string,
    path: string,
    o: { body?: string; signal?: AbortSignal; accept?: string; onResponse?: (r: Response) => void },
  ): Promise<string> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 10_000);
    const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
    let response: Response;
    let body: string;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        signal,
        headers: {
          authorization: this.auth,
          accept: o.accept ?? 'application/xml',
          ...(o.body !== undefined && { 'content-type': 'application/xml' }),
        },
        body: o.body,
      });
      body = await response.text();
    } catch (err) {
      if (timeout.aborted) throw new UccxError('timeout', `UCCX ${method} ${base}${path}: no answer within ${this.opts.timeoutMs ?? 10_000} ms`);
      if (o.signal?.aborted) throw err;
      const cause = (err as Error & { cause?: Error & { code?: string } }).cause;
      throw new UccxError('unreachable', `UCCX ${method} ${base}${path}: ${cause?.message ?? (err as Error).message}`, null, null, cause?.code ?? null);
    }
    if (!response.ok) {
      const message = uccxErrorMessage(body);
      throw new UccxError('http', `UCCX ${method} ${base}${path}: HTTP ${response.status}${message ? ` (${message})` : ''}`, response.status, message, null, uccxErrorType(body));
    }
    o.onResponse?.(response);
    return body;
  }
}

/** UCCX refuses the whole import when one field is too long; names are cut, numbers are not (they would dial wrong). */
function clipToLimits(c: ContactRow): ContactRow {
  return { ...c, firstName: c.firstName.slice(0, CONTACT_LIMITS.firstName), lastName: c.lastName.slice(0, CONTACT_LIMITS.lastName) };
}
