// The admin view's client of the BFF's REST admin API (/api/v1/admin/…, /api/v1/reports), with the
// admin's Finesse credentials. Refusals keep their field-level errors for the forms. The shapes of
// rules and reports are the domain's own (type-only imports: nothing of the server is bundled).
import type { AuditEntry, DialPlanRule, GlobalRules } from '../../domain/types.ts';
import type { DelayStats, Report } from '../../domain/reports.ts';

export type { AuditEntry, DelayStats, DialPlanRule, GlobalRules, Report };

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    readonly errors: FieldError[],
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}


export interface AdminCampaign {
  name: string;
  uccxCampaignName: string;
  ddi: string;
  defaultCountry: string;
  timeZone: string;
  dialPlan: DialPlanRule[];
  retryPolicy?: Record<string, { maxAttempts: number; delayMinutes: number }> | null;
  holidayCalendarId?: number | null;
  ivrScript?: string | null;
}

/** What the campaign form edits (the calendar by name, as the API takes it). */
export interface CampaignInput {
  name: string;
  uccxCampaignName: string;
  ddi: string;
  defaultCountry: string;
  timeZone: string;
  dialPlan: DialPlanRule[];
  retryPolicy: Record<string, { maxAttempts: number; delayMinutes: number }> | null;
  holidayCalendar: string | null;
  ivrScript: string | null;
}



export interface DialPreview {
  input: string;
  valid: boolean;
  e164: string | null;
  dialString: string | null;
}




export class AdminApi {
  constructor(
    readonly baseUrl: string,
    private readonly authorization: string,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.fetchImpl(`${this.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: { authorization: this.authorization, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 204) return undefined as T;
    let json: any = null;
    try {
      json = await res.json();
    } catch {
      json = null;
    }
    if (!res.ok) throw new AdminApiError(json?.message ?? json?.errors?.[0]?.message ?? `HTTP ${res.status}`, res.status, json?.error ?? null, json?.errors ?? []);
    return json as T;
  }

  campaigns = () => this.call<AdminCampaign[]>('GET', '/api/v1/admin/campaigns');
  uccxCampaigns = () => this.call<Array<{ campaignId: number; campaignName: string }>>('GET', '/api/v1/admin/uccx-campaigns');
  calendars = () => this.call<Array<{ id: number; name: string }>>('GET', '/api/v1/admin/holiday-calendars');
  saveCampaign = ({ name, ...body }: CampaignInput) => this.call<AdminCampaign & { warnings?: string[] }>('PUT', `/api/v1/admin/campaigns/${encodeURIComponent(name)}`, body);
  deleteCampaign = (name: string) => this.call<void>('DELETE', `/api/v1/admin/campaigns/${encodeURIComponent(name)}`);
  previewDialPlan = (defaultCountry: string, dialPlan: DialPlanRule[], numbers: string[]) =>
    this.call<DialPreview[]>('POST', '/api/v1/admin/dial-plan/preview', { defaultCountry, dialPlan, numbers });
  rules = () => this.call<GlobalRules>('GET', '/api/v1/admin/global-rules');
  saveRules = (r: GlobalRules) => this.call<GlobalRules>('PUT', '/api/v1/admin/global-rules', r);
  audit = (limit = 100) => this.call<AuditEntry[]>('GET', `/api/v1/admin/audit?limit=${limit}`);
  report = (from: string, to: string, zone: string) => this.call<Report>('GET', `/api/v1/reports?from=${from}&to=${to}&zone=${encodeURIComponent(zone)}`);
  reportCsvUrl = (from: string, to: string, zone: string) => `${this.baseUrl.replace(/\/+$/, '')}/api/v1/reports?from=${from}&to=${to}&zone=${encodeURIComponent(zone)}&format=csv`;
}
