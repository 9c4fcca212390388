// The shapes of the BFF's GraphQL contract (bff/graphql/schema.graphql) as the gadget reads them.
export type CallbackStatus =
  | 'scheduled'
  | 'dispatching'
  | 'queued'
  | 'dialing'
  | 'connected'
  | 'retry_wait'
  | 'completed'
  | 'failed'
  | 'expired'
  | 'cancelled';

export const STATUSES: readonly CallbackStatus[] = ['scheduled', 'dispatching', 'queued', 'dialing', 'connected', 'retry_wait', 'completed', 'failed', 'expired', 'cancelled'];
export const TERMINAL: readonly CallbackStatus[] = ['completed', 'failed', 'expired', 'cancelled'];
export const isTerminal = (s: string): boolean => (TERMINAL as readonly string[]).includes(s);
/** States from which a reschedule moves the callback (terminal ones book a linked new one). */
export const RESCHEDULABLE: readonly string[] = ['scheduled', 'retry_wait', ...TERMINAL];
export const CANCELLABLE: readonly string[] = ['scheduled', 'retry_wait', 'queued'];

export type Role = 'agent' | 'supervisor' | 'admin';

export interface Me {
  id: string;
  firstName: string | null;
  lastName: string | null;
  role: Role;
  teamId: string | null;
  teamName: string | null;
}

export interface Campaign {
  name: string;
  /** The UCCX campaign (what BACampaign carries on an outbound IVR callback call). */
  uccxCampaignName?: string;
  ddi: string;
  country: string;
  timeZone: string;
  /** The administrator's default for agents when the call's DDI matches no campaign. */
  agentDefault?: boolean;
}

export interface Skill {
  name: string;
  csq: string;
  timeZone: string;
}

export interface Agent {
  id: string;
  firstName: string;
  lastName: string;
  teamId: string | null;
  teamName: string | null;
}

export interface Callback {
  id: string;
  accountNumber: string;
  campaign: string;
  type: 'personal' | 'skill';
  agentId: string | null;
  skill: string | null;
  firstName: string;
  lastName: string;
  phone: string;
  phoneE164: string;
  scheduledAt: string;
  timeZone: string;
  status: CallbackStatus;
  reason: string | null;
  attempts: number;
  lastResult: string | null;
  nextAttemptAt: string | null;
  notes: string | null;
  source: 'outbound' | 'inbound';
  createdBy: string;
  teamId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Violation {
  code: string;
  field: string;
  message: string;
}

export interface BookResult {
  callback: Callback | null;
  violations: Violation[];
  duplicate: Callback | null;
}

export interface CallbackPage {
  items: Callback[];
  nextCursor: string | null;
}

export interface StatusCount {
  status: CallbackStatus;
  count: number;
}

export type ClosedReason = 'SKILL_CLOSED' | 'HOLIDAY' | 'OUTSIDE_CALLING_WINDOW' | 'SLOT_FULL' | 'TOO_SOON' | 'IN_PAST' | 'TOO_FAR';

export interface Slot {
  start: string;
  end: string;
  capacity: number;
  booked: number;
  available: number;
  closedReason: ClosedReason | null;
}

/** A run of consecutive closed slots with one reason: slots first … first + count - 1 of a grid. */
export interface ClosedRun {
  first: number;
  count: number;
  reason: ClosedReason;
}

/** Availability as the server sends it (schema.graphql SlotGrid): slot i starts at start + i × slotMinutes. */
export interface SlotGrid {
  start: string;
  slotMinutes: number;
  count: number;
  capacity: number;
  /** Places taken, one per slot. */
  booked: number[];
  /** Closed runs in order; every other slot is bookable. */
  closed: ClosedRun[];
}

export interface PhoneInfo {
  valid: boolean;
  e164: string | null;
  formatted: string | null;
  country: string | null;
  timeZone: string | null;
  /** Every zone the number may be in (its area code's where known, else its country's). */
  zones?: string[];
  /** Every zone of the number's country: what the agent chooses from. */
  countryZones?: string[];
}

export interface CallbackFilter {
  status?: string[];
  agentId?: string;
  skill?: string;
  campaign?: string;
  from?: string;
  to?: string;
}

export interface BookInput {
  campaign: string;
  phone: string;
  scheduledAt: string;
  timeZone?: string;
  agentId?: string;
  skill?: string;
  firstName: string;
  lastName: string;
  notes?: string;
  source?: 'outbound' | 'inbound';
}

export interface AvailabilityQuery {
  campaign: string;
  skill?: string;
  agentId?: string;
  from: string;
  to: string;
  timeZone?: string;
  /** The customer's number: slots close when outside the calling window in any zone it may be in. */
  phone?: string;
}

export interface BookedBy {
  id: string;
  name: string | null;
}

/** What the agent who receives a callback call sees about it (GraphQL arrivalContext). */
export interface ArrivalContext {
  callbackId: string;
  accountNumber: string;
  campaign: string;
  type: 'personal' | 'skill';
  skill: string | null;
  agentId: string | null;
  firstName: string;
  lastName: string;
  /** Masked (+48•••••••67) unless the agent may read the callback. */
  phone: string;
  phoneMasked: boolean;
  notes: string | null;
  bookedBy: BookedBy;
  scheduledAt: string;
  timeZone: string;
  status: CallbackStatus;
  attempts: number;
  createdAt: string;
}

/** not_found | invalid_state */
export interface ArrivalResult {
  context: ArrivalContext | null;
  error: string | null;
}

export interface InboundMatch {
  id: string;
  campaign: string;
  scheduledAt: string;
  timeZone: string;
  bookedBy: BookedBy;
  mayRead: boolean;
  details: {
    status: CallbackStatus;
    type: string;
    agentId: string | null;
    skill: string | null;
    firstName: string;
    lastName: string;
    phone: string;
    notes: string | null;
  } | null;
}

export interface InboundCloseResult {
  match: InboundMatch | null;
  error: string | null;
}

// ---- Editing a callback's details and the call outcome (issue 10) ----

/** States in which names, number and notes may be corrected (before UCCX holds the contact; lifecycle `edit`). */
export const EDITABLE: readonly string[] = ['scheduled', 'retry_wait'];

/** Only the fields to change; notes "" clears them. */
export interface DetailsInput {
  firstName?: string;
  lastName?: string;
  phone?: string;
  notes?: string;
}

export type CallOutcome = 'reached' | 'not_reached' | 'reschedule';

/** error: not_found | invalid_state | not_receiver | outcome_window_closed | outcome_recorded | validation_failed | duplicate */
export interface CallOutcomeResult {
  callbackId: string | null;
  outcome: CallOutcome | null;
  status: CallbackStatus | null;
  nextAttemptAt: string | null;
  scheduledAt: string | null;
  timeZone: string | null;
  violations: Violation[];
  error: string | null;
}
