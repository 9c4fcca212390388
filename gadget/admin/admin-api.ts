// The admin view's client of the BFF's REST admin API (/api/v1/admin/…, /api/v1/reports), with the
// admin's Finesse credentials. Refusals keep their field-level errors for the forms. The shapes of
// rules and reports are the domain's own (type-only imports: nothing of the server is bundled).
import type { AuditEntry, DialPlanRule, GlobalRules, Skill, WeeklyHours } from '../../domain/types.ts';
import type { DelayStats, Report } from '../../domain/reports.ts';
import type { Connection } from '../../domain/admin-contract.ts';

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
  purgeAt?: string | null;
  personalFallbackSeconds?: number | null;
  agentDefault?: boolean;
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
  /** Daily purge "HH:MM"; null = the server's CM_PURGE_AT. */
  purgeAt: string | null;
  /** Personal → skill wait; null = the global rule. */
  personalFallbackSeconds: number | null;
  agentDefault: boolean;
}

export type { WeeklyHours };

/** A skill as the admin API lists it: the domain's Skill (its id is the server's business). */
export type AdminSkill = Omit<Skill, 'id'>;

/** What the skill form edits (the calendar by name). */
export interface SkillInput {
  name: string;
  csq: string;
  timeZone: string;
  hours: WeeklyHours;
  holidayCalendar: string | null;
  ivrScript: string | null;
  personalFallbackSeconds: number | null;
}

export interface AdminCalendar {
  id: number;
  name: string;
  country?: string | null;
  region?: string | null;
  customDates: string[];
}

export interface PublicHoliday {
  date: string;
  name: string;
}

/** A connection as the admin API reports it (no credentials, ever). */
export type AdminConnection = Connection;

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

  /** Any admin route (the operations and service-account views keep their own typed calls). */
  request = <T>(method: string, path: string, body?: unknown) => this.call<T>(method, path, body);
  campaigns = () => this.call<AdminCampaign[]>('GET', '/api/v1/admin/campaigns');
  uccxCampaigns = () => this.call<Array<{ campaignId: number; campaignName: string }>>('GET', '/api/v1/admin/uccx-campaigns');
  calendars = () => this.call<AdminCalendar[]>('GET', '/api/v1/admin/holiday-calendars');
  saveCalendar = ({ name, ...body }: Omit<AdminCalendar, 'id'>) => this.call<AdminCalendar>('PUT', `/api/v1/admin/holiday-calendars/${encodeURIComponent(name)}`, body);
  deleteCalendar = (name: string) => this.call<void>('DELETE', `/api/v1/admin/holiday-calendars/${encodeURIComponent(name)}`);
  publicHolidays = (country: string, region: string | null, year: number) =>
    this.call<PublicHoliday[]>('GET', `/api/v1/admin/holiday-calendars/public-holidays?country=${encodeURIComponent(country)}${region ? `&region=${encodeURIComponent(region)}` : ''}&year=${year}`);
  skills = () => this.call<AdminSkill[]>('GET', '/api/v1/admin/skills');
  saveSkill = ({ name, ...body }: SkillInput) => this.call<AdminSkill>('PUT', `/api/v1/admin/skills/${encodeURIComponent(name)}`, body);
  deleteSkill = (name: string) => this.call<void>('DELETE', `/api/v1/admin/skills/${encodeURIComponent(name)}`);
  connections = (check = false) => this.call<AdminConnection[]>('GET', `/api/v1/admin/connections${check ? '?check=true' : ''}`);
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
