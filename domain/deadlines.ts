// Nothing waits forever: every active state has a deadline after which the deadlines job moves
// the callback on. Pure (no I/O): jobs/deadlines.ts applies it, the model-based test checks it.
//   scheduled, retry_wait, queued   scheduledAt + expiryHours            → expire
//   dispatching                     the later of its lease and the expiry → expire (before that the
//                                   dispatcher verifies an expired lease against UCCX)
//   dialing / connected             last change + dialingMinutes / connectedMinutes → ask db_cra and
//                                   UCCX where the call is: gone or closed without a result → the
//                                   attempt failed (retry per policy, else failed; expired when past
//                                   the expiry); still open in UCCX → wait, at most callMaxMinutes,
//                                   then expire (never a second contact beside an open one)
import type { CallbackStatus } from './types.ts';

export interface DeadlineSettings {
  /** A contact UCCX took for dialling is asked about this long after the callback's last change. */
  dialingMinutes: number;
  /** A call the customer answered, not completed after this long, is asked about. */
  connectedMinutes: number;
  /** Longest wait for a call db_cra still shows open (a long conversation) after the last change. */
  callMaxMinutes: number;
}

export const DEFAULT_DEADLINES: DeadlineSettings = { dialingMinutes: 15, connectedMinutes: 60, callMaxMinutes: 240 };

export type DeadlineAction = 'expire' | 'verify_call';

export interface Deadline {
  /** When the job acts. */
  at: Date;
  action: DeadlineAction;
  /** The latest the callback leaves this state, whatever UCCX says. */
  hardAt: Date;
}

export interface DeadlineInput {
  status: CallbackStatus;
  scheduledAt: string | Date;
  leaseUntil: string | Date | null;
  /** The callback's last change (its newest history entry). */
  lastChangeAt: string | Date;
}

const ms = (d: string | Date) => new Date(d).getTime();

/** When a callback not reached within expiryHours after its time stops being worth calling. */
export const expiresAt = (c: { scheduledAt: string | Date }, expiryHours: number): Date => new Date(ms(c.scheduledAt) + expiryHours * 3_600_000);

/** The deadline of the callback's current state; null for a terminal state. */
export function deadlineOf(c: DeadlineInput, expiryHours: number, s: DeadlineSettings): Deadline | null {
  const expiry = expiresAt(c, expiryHours);
  const after = (minutes: number) => new Date(ms(c.lastChangeAt) + minutes * 60_000);
  switch (c.status) {
    case 'scheduled':
    case 'retry_wait':
    case 'queued':
      return { at: expiry, action: 'expire', hardAt: expiry };
    case 'dispatching': {
      const at = new Date(Math.max(expiry.getTime(), c.leaseUntil ? ms(c.leaseUntil) : 0));
      return { at, action: 'expire', hardAt: at };
    }
    case 'dialing':
    case 'connected': {
      const hardAt = after(Math.max(s.callMaxMinutes, s.dialingMinutes, s.connectedMinutes));
      return { at: after(c.status === 'dialing' ? s.dialingMinutes : s.connectedMinutes), action: 'verify_call', hardAt };
    }
    default:
      return null;
  }
}
