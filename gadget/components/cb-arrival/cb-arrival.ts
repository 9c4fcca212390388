// Arrival: when a callback call reaches the agent — a dialog carrying the account number, in
// BAAccountNumber or in the call variable the Callback IVR script set — shows whose callback it
// is, who booked it and when, the notes, and acknowledges the arrival once per call. Any agent the
// call is routed to (personal, fallback skill, skill) gets this context while the call is in flight;
// the number is masked when the callback is not his to read. When the call ends (the Finesse dialog
// is dropped), the agent is asked for its outcome (cb-call-outcome) until he answers or closes it.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { ArrivalContext } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { callContext, type CurrentCall } from '../../context/call-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDateTime, hasMessage, t, type Locale, type MessageKey } from '../../i18n/i18n.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import '../cb-call-outcome/cb-call-outcome.ts';
import styles from './cb-arrival.styles.ts';

export type CbArrivalEvent = CustomEvent<{ arrival: ArrivalContext; acknowledged: boolean }>;

@customElement('cb-arrival')
export class CbArrival extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;
  @consume({ context: callContext, subscribe: true }) call?: CurrentCall | null;

  @state() private arrival: ArrivalContext | null = null;
  @state() private acknowledged = false;
  @state() private error = '';
  /** The acknowledged arrival whose call has ended: its outcome is asked for. */
  @state() private ended: ArrivalContext | null = null;

  private lookedUpFor = '';

  override willUpdate(): void {
    const key = this.call?.accountNumber && this.api ? `${this.call.dialogId}:${this.call.accountNumber}` : '';
    if (key === this.lookedUpFor) return;
    // The dialog that brought the acknowledged callback call is gone (or replaced): ask how it ended.
    if (this.arrival && this.acknowledged) this.ended = this.arrival;
    this.lookedUpFor = key;
    this.arrival = null;
    this.acknowledged = false;
    this.error = '';
    if (key) void this.lookUp(key, this.call?.accountNumber as string);
  }

  private async lookUp(key: string, accountNumber: string): Promise<void> {
    const api = this.api as CallbackApi;
    try {
      const found = await api.arrivalContext(accountNumber);
      if (key !== this.lookedUpFor || !found) return;
      this.arrival = found;
      const result = await api.acknowledgeArrivalByAccount(accountNumber);
      if (key !== this.lookedUpFor) return;
      this.acknowledged = Boolean(result.context);
      if (result.context) this.arrival = result.context;
      else this.error = this.errorText(result.error ?? '');
      this.dispatchEvent(new CustomEvent('cb-arrival', { detail: { arrival: this.arrival, acknowledged: this.acknowledged }, bubbles: true, composed: true }));
    } catch (e) {
      if (key === this.lookedUpFor) this.error = (e as Error).message;
    }
  }

  private get locale(): Locale {
    return this.session?.locale ?? 'en';
  }

  private errorText(code: string): string {
    const key = `arrival.error.${code}`;
    return hasMessage(key) ? t(this.locale, key) : code;
  }

  /** "Anna Nowak (1001)" when the booker is known, else the id. */
  private bookedBy(a: ArrivalContext): string {
    return a.bookedBy.name ? `${a.bookedBy.name} (${a.bookedBy.id})` : a.bookedBy.id;
  }

  private renderOutcome() {
    const e = this.ended;
    if (!e) return nothing;
    return keyed(e.callbackId, html`<cb-call-outcome callback-id=${e.callbackId} .name=${`${e.firstName} ${e.lastName}`.trim()} .callback=${e}
      @cb-outcome-dismissed=${() => (this.ended = null)}></cb-call-outcome>`);
  }

  override render() {
    return html`${this.renderOutcome()}${this.renderArrival()}`;
  }

  private renderArrival() {
    const a = this.arrival;
    if (!a && !this.error) return nothing;
    const l = this.locale;
    if (!a) return html`<p class="error" role="alert">${t(l, 'arrival.ackFailed', { message: this.error })}</p>`;
    const name = `${a.firstName} ${a.lastName}`.trim() || a.phone;
    const target = a.type === 'personal' && a.agentId ? t(l, 'arrival.personal', { agent: a.agentId }) : t(l, 'target.skill', { name: a.skill ?? '' });
    return html`
      <section role="region" aria-labelledby="arrival-title">
        <h2 id="arrival-title">${t(l, 'arrival.title', { name })}</h2>
        <dl>
          <dt>${t(l, 'list.number')}</dt><dd class="number">${a.phoneMasked ? t(l, 'arrival.maskedNumber', { number: a.phone }) : a.phone}</dd>
          <dt>${t(l, 'list.campaign')}</dt><dd>${a.campaign}</dd>
          <dt>${t(l, 'list.target')}</dt><dd>${target}</dd>
          <dt>${t(l, 'list.when')}</dt><dd>${t(l, 'arrival.scheduled', { when: formatDateTime(l, a.scheduledAt, a.timeZone) })}</dd>
          <dt>${t(l, 'arrival.booked')}</dt><dd>${t(l, 'arrival.bookedBy', { who: this.bookedBy(a), when: formatDateTime(l, a.createdAt) })}</dd>
          <dt>${t(l, 'list.status')}</dt><dd>${t(l, `status.${a.status}` as MessageKey)} · ${t(l, 'arrival.attempts', { n: Math.max(1, a.attempts) })}</dd>
        </dl>
        <h3>${t(l, 'arrival.notes')}</h3>
        <p class="notes">${a.notes || t(l, 'arrival.noNotes')}</p>
        ${this.acknowledged ? html`<p class="ok" role="status">${t(l, 'arrival.acknowledged')}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${t(l, 'arrival.ackFailed', { message: this.error })}</p>` : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-arrival': CbArrival;
  }
  interface GlobalEventHandlersEventMap {
    'cb-arrival': CbArrivalEvent;
  }
}
