// Shapes the admin API answers with and the admin view reads: one source for both (the view imports
// them as types only, so nothing of the server reaches its bundle).

export type PurgeRunStatus = 'running' | 'done' | 'failed' | 'skipped';
export type PurgePhase = 'waiting_for_calls' | 'deleting' | 'repushing' | 'finished';

export interface PurgeRun {
  id: string;
  campaign: string;
  startedBy: string;
  startedAt: string;
  status: PurgeRunStatus;
  phase: PurgePhase;
  /** Calls (dialing, connected) the purge is waiting for. */
  callsInProgress: number;
  /** Contacts UCCX still listed as pending just before the delete (null: not known yet). */
  contactsToDelete: number | null;
  deleted: number;
  /** Callbacks still pending that are pushed again after the delete, and how many were. */
  toRepush: number;
  repushed: number;
  /** Calls still in progress at the delete (the deadlines job resolves them). */
  inFlight: number;
  error: string | null;
  finishedAt: string | null;
  /** When the progress was last written. */
  updatedAt: string;
}

export interface Connection {
  id: 'finesse' | 'uccx1' | 'uccx2' | 'dbcra';
  /** Whose stored status this is: both UCCX nodes share the pair's. */
  dependency: 'finesse' | 'uccx' | 'dbcra';
  /** Host and port (or driver and server), never a user name or password. */
  endpoint: string | null;
  configured: boolean;
  state: 'ok' | 'failing' | 'unknown';
  required: boolean;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastCause: string | null;
  /** Only when asked to check now (UCCX nodes): 'ok' or a failure cause such as timeout, http_401. */
  checkedNow?: string;
}
