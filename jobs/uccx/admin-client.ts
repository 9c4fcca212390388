// The UCCX admin REST API (/adminapi) as the Campaign Manager uses it: find the callback
// campaigns, import contacts, read what is pending, read the import status, delete all contacts.
// Plain HTTP with Basic auth; every call has a timeout and honours the caller's AbortSignal.
import { CONTACT_LIMITS, parseCsvObjects, type ContactRow } from './csv.ts';
import { buildCampaignContactsXml, parseCampaignList, parseImportStatus, type ImportStatus, type UccxCampaign } from './contacts-xml.ts';
import { UccxError, uccxErrorMessage } from './errors.ts';

export interface AdminClientOptions {
  url: string;
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
  private readonly base: string;
  private readonly auth: string;
  private campaigns: { at: number; list: UccxCampaign[] } | null = null;

  constructor(private readonly opts: AdminClientOptions) {
    this.base = opts.url.replace(/\/+$/, '');
    this.auth = `Basic ${Buffer.from(`${opts.user}:${opts.password}`).toString('base64')}`;
  }

  async listCampaigns(signal?: AbortSignal): Promise<UccxCampaign[]> {
    const body = await this.request('GET', '/adminapi/campaign', { signal });
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
      campaignRefUrl: `${this.base}/adminapi/campaign/${campaign.id}`,
      allowDuplicateContacts: this.opts.allowDuplicateContacts ?? true,
      contacts: contacts.map(clipToLimits),
    });
    let status = 0;
    let location: string | null = null;
    await this.request('POST', `/adminapi/campaign/${campaign.id}/contacts`, {
      body: xml,
      signal,
      onResponse: (r) => ((status = r.status), (location = r.headers.get('location'))),
    });
    return { status, location };
  }

  /** GET …/contacts[?q=…]: the CSV of contacts still to be dialled (at most 10,000 rows). */
  async pendingContacts(campaignId: number, opts: { q?: string; signal?: AbortSignal } = {}): Promise<PendingContact[]> {
    const query = opts.q ? `?q=${encodeURIComponent(opts.q)}` : '';
    const body = await this.request('GET', `/adminapi/campaign/${campaignId}/contacts${query}`, { signal: opts.signal, accept: 'text/csv, application/xml' });
    return parseCsvObjects(body).map((r) => ({
      accountNumber: r.accountnumber ?? '',
      firstName: r.firstname ?? '',
      lastName: r.lastname ?? '',
      phone1: r.phone1 ?? '',
      callStatus: r.callstatus ?? '',
      callResult: r.callresult ?? '',
    }));
  }

  async importStatus(campaignId: number, signal?: AbortSignal): Promise<ImportStatus> {
    return parseImportStatus(await this.request('GET', `/adminapi/campaign/${campaignId}/contacts/status`, { signal }));
  }

  /** DELETE …/contacts: removes every contact of the campaign (UCCX has no per-contact delete). */
  async deleteAllContacts(campaignId: number, signal?: AbortSignal): Promise<void> {
    await this.request('DELETE', `/adminapi/campaign/${campaignId}/contacts`, { signal });
  }

  private async request(
    method: string,
    path: string,
    o: { body?: string; signal?: AbortSignal; accept?: string; onResponse?: (r: Response) => void },
  ): Promise<string> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 10_000);
    const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
    let response: Response;
    let body: string;
    try {
      response = await fetch(`${this.base}${path}`, {
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
      if (timeout.aborted) throw new UccxError('timeout', `UCCX ${method} ${path}: no answer within ${this.opts.timeoutMs ?? 10_000} ms`);
      if (o.signal?.aborted) throw err;
      const cause = (err as Error & { cause?: Error & { code?: string } }).cause;
      throw new UccxError('unreachable', `UCCX ${method} ${path}: ${cause?.message ?? (err as Error).message}`, null, null, cause?.code ?? null);
    }
    if (!response.ok) {
      const message = uccxErrorMessage(body);
      throw new UccxError('http', `UCCX ${method} ${path}: HTTP ${response.status}${message ? ` (${message})` : ''}`, response.status, message);
    }
    o.onResponse?.(response);
    return body;
  }
}

/** UCCX refuses the whole import when one field is too long; names are cut, numbers are not (they would dial wrong). */
function clipToLimits(c: ContactRow): ContactRow {
  return { ...c, firstName: c.firstName.slice(0, CONTACT_LIMITS.firstName), lastName: c.lastName.slice(0, CONTACT_LIMITS.lastName) };
}
