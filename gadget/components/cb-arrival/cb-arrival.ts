// Arrival: when a callback call (a dialog with BAAccountNumber) reaches the agent, shows whose
// callback it is, who booked it and when, the notes, and acknowledges the arrival once per call.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { Callback } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { callContext, type CurrentCall } from '../../context/call-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDateTime, t, type MessageKey } from '../../i18n/i18n.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import styles from './cb-arrival.styles.ts';

export type CbArrivalEvent = CustomEvent<{ callback: Callback; acknowledged: boolean }>;

@customElement('cb-arrival')
export class CbArrival extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;
  @consume({ context: callContext, subscribe: true }) call?: CurrentCall | null;

  @state() private callback: Callback | null = null;
  @state() private bookedBy = '';
  @state() private acknowledged = false;
  @state() private error = '';

  private lookedUpFor = '';

  override willUpdate(): void {
    const key = this.call?.accountNumber && this.api ? `${this.call.dialogId}:${this.call.accountNumber}` : '';
    if (key === this.lookedUpFor) return;
    this.lookedUpFor = key;
    this.callback = null;
    this.acknowledged = false;
    this.error = '';
    if (key) void this.lookUp(key, this.call?.accountNumber as string);
  }

  private async lookUp(key: string, accountNumber: string): Promise<void> {
    const api = this.api as CallbackApi;
    try {
      const found = await api.callbackByAccount(accountNumber);
      if (key !== this.lookedUpFor || !found) return;
      this.callback = found;
      void this.resolveBooker(found.createdBy);
      const result = await api.acknowledgeArrival(found.id);
      if (key !== this.lookedUpFor) return;
      this.acknowledged = Boolean(result.callback);
      if (result.callback) this.callback = result.callback;
      else this.error = result.violations.map((v) => v.message).join(' ');
      this.dispatchEvent(new CustomEvent('cb-arrival', { detail: { callback: this.callback, acknowledged: this.acknowledged }, bubbles: true, composed: true }));
    } catch (e) {
      if (key === this.lookedUpFor) this.error = (e as Error).message;
    }
  }

  /** "Anna Nowak (1001)" when the agent list knows the booker, else the id. */
  private async resolveBooker(id: string): Promise<void> {
    this.bookedBy = id;
    if (this.session?.agentId === id) {
      this.bookedBy = `${this.session.firstName} ${this.session.lastName} (${id})`.trim();
      return;
    }
    try {
      const agent = (await (this.api as CallbackApi).agents()).find((a) => a.id === id);
      if (agent) this.bookedBy = `${agent.firstName} ${agent.lastName} (${id})`;
    } catch {
      /* the id is enough */
    }
  }

  override render() {
    const c = this.callback;
    if (!c && !this.error) return nothing;
    const l = this.session?.locale ?? 'en';
    if (!c) return html`<p class="error" role="alert">${t(l, 'arrival.ackFailed', { message: this.error })}</p>`;
    const name = `${c.firstName} ${c.lastName}`.trim() || c.phone;
    return html`
      <section role="region" aria-labelledby="arrival-title">
        <h2 id="arrival-title">${t(l, 'arrival.title', { name })}</h2>
        <dl>
          <dt>${t(l, 'list.number')}</dt><dd>${c.phone}</dd>
          <dt>${t(l, 'list.campaign')}</dt><dd>${c.campaign}</dd>
          <dt>${t(l, 'list.when')}</dt><dd>${t(l, 'arrival.scheduled', { when: formatDateTime(l, c.scheduledAt, c.timeZone) })}</dd>
          <dt>${t(l, 'arrival.booked')}</dt><dd>${t(l, 'arrival.bookedBy', { who: this.bookedBy || c.createdBy, when: formatDateTime(l, c.createdAt) })}</dd>
          <dt>${t(l, 'list.status')}</dt><dd>${t(l, `status.${c.status}` as MessageKey)} · ${t(l, 'arrival.attempts', { n: Math.max(1, c.attempts) })}</dd>
        </dl>
        <h3>${t(l, 'arrival.notes')}</h3>
        <p class="notes">${c.notes || t(l, 'arrival.noNotes')}</p>
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
