// Plain shapes shared by the rules, the BFF, the jobs and the IVR lookup.
// They are the *domain* view: database rows are mapped onto them in db/, so the rules stay pure.

/** States of a callback, exactly as in shared/reference/callback-lifecycle.md. */
export const CALLBACK_STATES = [
  'scheduled',
  'dispatching',
  'queued',
  'dialing',
  'connected',
  'retry_wait',
  'completed',
  'failed',
  'expired',
  'cancelled',
] as const;
export type CallbackStatus = (typeof CALLBACK_STATES)[number];

export const TERMINAL_STATES: readonly CallbackStatus[] = ['completed', 'failed', 'expired', 'cancelled'];
export const ACTIVE_STATES: readonly CallbackStatus[] = CALLBACK_STATES.filter((s) => !TERMINAL_STATES.includes(s));
export const isActive = (s: CallbackStatus): boolean => !TERMINAL_STATES.includes(s);

/** History event names, exactly as in shared/reference/callback-lifecycle.md. */
export const HISTORY_EVENTS = [
  'booked',
  'rescheduled',
  'reassigned',
  'cancelled',
  'claimed',
  'imported',
  'import_failed',
  'dial_result',
  'ivr_lookup',
  // What the Callback IVR script reports (POST /ivr/v1/events); the lookup itself writes nothing.
  'answered',
  'confirmed',
  'not_confirmed',
  'abandoned',
  'routed',
  'fallback_to_skill',
  'arrived',
  'completed',
  'retry_scheduled',
  'failed',
  'expired',
  'purged',
  'repushed',
  // Issue 10: details corrected (before → after, numbers masked); the receiving agent's call outcome.
  'edited',
  'call_outcome',
] as const;
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];

export type FailureReason =
  | 'invalid_number'
  | 'wrong_number'
  | 'do_not_call'
  | 'max_attempts'
  | 'rejected_by_uccx'
  /** UCCX answered the import but did not keep the contact (duplicate rule), max-unkept-pushes times. */
  | 'dropped_by_uccx'
  | 'fax';

export type CallbackType = 'personal' | 'skill';
export type CallbackSource = 'outbound' | 'inbound';

/** Violation codes of the booking rules (issue 2). Each violated rule is reported once. */
export const VIOLATION_CODES = [
  'INVALID_PHONE',
  'IN_PAST',
  'TOO_SOON',
  'TOO_FAR',
  'NONEXISTENT_LOCAL_TIME',
  'SKILL_CLOSED',
  'HOLIDAY',
  'OUTSIDE_CALLING_WINDOW',
  'SLOT_FULL',
  'UNKNOWN_CAMPAIGN',
  'UNKNOWN_SKILL',
  'UNKNOWN_AGENT',
  'MISSING_TARGET',
  'FIELD_TOO_LONG',
  'ZONE_MISMATCH',
  'DO_NOT_CALL',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export interface Violation {
  code: ViolationCode;
  field: string;
  message: string;
}

/** One ordered rule of a campaign's dial plan: how an E.164 number becomes the UCCX dial string. */
export interface DialPlanRule {
  /** E.164 prefix the rule applies to, e.g. "+48"; "+" matches every number. */
  match: string;
  /** How many leading characters of the E.164 string to remove (the "+" counts). */
  strip: number;
  /** Digits put in front of what remains, e.g. "0" or "00". */
  prefix: string;
}

/** Weekly opening hours: ISO weekday (1 = Monday … 7 = Sunday) → list of "HH:MM-HH:MM" ranges. */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', string[]>>;

export interface HolidayCalendar {
  id: number;
  name: string;
  /** date-holidays country code, e.g. "PL"; empty for a calendar of custom dates only. */
  country?: string | null;
  /** date-holidays state/region code, e.g. "NY". */
  region?: string | null;
  /** Extra closed dates "YYYY-MM-DD" in the calendar owner's time zone. */
  customDates: string[];
}

export interface Campaign {
  id: number;
  name: string;
  uccxCampaignName: string;
  uccxCampaignId?: number | null;
  ddi: string;
  defaultCountry: string;
  timeZone: string;
  dialPlan: DialPlanRule[];
  holidayCalendarId?: number | null;
  /** Name of an external UCCX script the IVR hands the call to (seed step 11), if any. */
  ivrScript?: string | null;
  /** Retry policy per outcome: outcome → { maxAttempts, delayMinutes }. */
  retryPolicy?: RetryPolicy | null;
  /** Daily purge of this campaign's UCCX contacts, "HH:MM" server time; null = CM_PURGE_AT. */
  purgeAt?: string | null;
  /** Personal → skill wait on this campaign unless the skill sets one; null = the global rule. */
  personalFallbackSeconds?: number | null;
  /** The campaign agents book on when the call names none (at most one). */
  agentDefault?: boolean;
}

/** The outcomes a retry policy names (and `default` for any other). */
export const RETRY_OUTCOMES = ['busy', 'no_answer', 'answering_machine', 'abandoned', 'gateway_failure', 'wrong_person', 'not_confirmed', 'default'] as const;
export type RetryOutcome = (typeof RETRY_OUTCOMES)[number];
export type RetryPolicy = Partial<Record<RetryOutcome, { maxAttempts: number; delayMinutes: number }>>;

export interface Skill {
  id: number;
  name: string;
  csq: string;
  timeZone: string;
  hours: WeeklyHours;
  holidayCalendarId?: number | null;
  ivrScript?: string | null;
  /** Personal → skill wait when this is the fallback skill (wins over the campaign's); null = not set. */
  personalFallbackSeconds?: number | null;
}

export interface GlobalRules {
  leadMinutes: number;
  horizonDays: number;
  /** Calling window in the customer's local time, "HH:MM". */
  windowStart: string;
  windowEnd: string;
  slotMinutes: number;
  capacityPerSkillSlot: number;
  capacityPerAgentSlot: number;
  /** Hours after the scheduled time after which an unreached callback expires. */
  expiryHours: number;
  /** Seconds the IVR waits for a personal callback's agent before queueing it to the fallback skill. */
  personalFallbackSeconds: number;
}

export interface Agent {
  id: string;
  firstName: string;
  lastName: string;
  teamId?: string | null;
  teamName?: string | null;
  role: Role;
}

export type Role = 'agent' | 'supervisor' | 'admin';

/** Who is asking: resolved from Finesse (or configuration for admins). */
export interface Principal {
  id: string;
  role: Role;
  /** The team he belongs to (Finesse <teamId>). */
  teamId: string | null;
  teamName: string | null;
  /** Supervisors: the teams he supervises (Finesse <teams>), which he need not belong to; [] otherwise. */
  teamIds: string[];
  firstName?: string;
  lastName?: string;
}

export interface Callback {
  id: number;
  accountNumber: string;
  campaign: string;
  type: CallbackType;
  agentId: string | null;
  skill: string | null;
  firstName: string;
  lastName: string;
  phone: string;
  phoneE164: string;
  dialString: string;
  scheduledAt: string; // ISO UTC
  timeZone: string;
  status: CallbackStatus;
  reason: FailureReason | string | null;
  attempts: number;
  lastResult: string | null;
  nextAttemptAt: string | null;
  notes: string | null;
  source: CallbackSource;
  createdBy: string;
  teamId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface HistoryEntry {
  id: number;
  callbackId: number;
  at: string;
  event: HistoryEvent;
  actor: string;
  details: Record<string, unknown>;
}

/** One availability slot as shown by the gadget's calendar. */
export interface Slot {
  start: string; // ISO UTC
  end: string;
  capacity: number;
  booked: number;
  available: number;
  /** Why nobody can book it: SKILL_CLOSED | HOLIDAY | OUTSIDE_CALLING_WINDOW | SLOT_FULL | TOO_SOON | IN_PAST | TOO_FAR */
  closedReason: ViolationCode | null;
}

/** One entry of the audit log: who changed which configuration, when, the value before and after. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}
