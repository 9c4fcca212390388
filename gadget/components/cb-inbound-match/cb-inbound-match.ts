// The customer calls in first: when an inbound call comes from a number with an active callback,
// shows that callback at once — whoever owns it, with what the agent may see (another agent's
// callback: only that it exists, its time, campaign and who booked it) — and offers to close it
// as reached ("close it — customer reached") or to keep it.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { InboundMatch } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { callContext, type CurrentCall } from '../../context/call-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { hasMessage, t, type Locale, type MessageKey } from '../../i18n/i18n.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import { deskZone, whenText } from '../../lib/when-text.ts';
import styles from './cb-inbound-match.styles.ts';

export type CbInboundClosedEvent = CustomEvent<{ match: InboundMatch }>;
export type CbInboundKeptEvent = CustomEvent<{ match: InboundMatch }>;

type Outcome = 'closed' | 'kept';

/** Finesse call types of a call from outside (Dialog API parameters); INBOUND is the simulator's. */
const FROM_OUTSIDE = new Set(['ACD_IN', 'PREROUTE_ACD_IN', 'PREROUTE_DIRECT_AGENT', 'OTHER_IN', 'OVERFLOW_IN', 'TRANSFER', 'INBOUND']);

/** The caller of an inbound call that is not itself a callback call (those carry the account number). */
export const callerOf = (call: CurrentCall | null | undefined): string =>
  call && call.direction === 'inbound' && !call.accountNumber && FROM_OUTSIDE.has(call.callType.toUpperCase()) ? call.customerNumber.trim() : '';

@customElement('cb-inbound-match')
export class CbInboundMatch extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;
  @consume({ context: callContext, subscribe: true }) call?: CurrentCall | null;

  /** The agent's zone ("your time"); his desktop's by default. */
  @property({ attribute: false }) timeZone = deskZone();

  @state() private found: InboundMatch[] = [];
  @state() private outcomes: Record<string, Outcome> = {};
  @state() private busy = '';
  @state() private error = '';

  private lookedUpFor = '';
  private caller = '';

  override willUpdate(): void {
    const caller = callerOf(this.call);
    const key = caller && this.api ? `${this.call?.dialogId}:${caller}` : '';
    if (key === this.lookedUpFor) return;
    this.lookedUpFor = key;
    this.caller = caller;
    this.found = [];
    this.outcomes = {};
    this.error = '';
    if (key) void this.lookUp(key, caller);
  }

  private async lookUp(key: string, caller: string): Promise<void> {
    try {
      const matches = await (this.api as CallbackApi).activeCallbacksForNumber(caller);
      if (key === this.lookedUpFor) this.found = matches;
    } catch (e) {
      if (key === this.lookedUpFor) this.error = (e as Error).message;
    }
  }

  private get locale(): Locale {
    return this.session?.locale ?? 'en';
  }

  private async close(match: InboundMatch): Promise<void> {
    const key = this.lookedUpFor;
    this.busy = match.id;
    this.error = '';
    try {
      const result = await (this.api as CallbackApi).closeReachedInbound(match.id, this.caller);
      if (key !== this.lookedUpFor) return;
      if (!result.match) {
        const code = `inbound.error.${result.error ?? ''}`;
        this.error = t(this.locale, 'inbound.failed', { message: hasMessage(code) ? t(this.locale, code) : result.error ?? '' });
        return;
      }
      this.outcomes = { ...this.outcomes, [match.id]: 'closed' };
      this.dispatchEvent(new CustomEvent('cb-inbound-closed', { detail: { match: result.match }, bubbles: true, composed: true }));
    } catch (e) {
      if (key === this.lookedUpFor) this.error = t(this.locale, 'inbound.failed', { message: (e as Error).message });
    } finally {
      this.busy = '';
    }
  }

  private keep(match: InboundMatch): void {
    this.outcomes = { ...this.outcomes, [match.id]: 'kept' };
    this.dispatchEvent(new CustomEvent('cb-inbound-kept', { detail: { match }, bubbles: true, composed: true }));
  }

  private renderMatch(m: InboundMatch) {
    const l = this.locale;
    const who = m.bookedBy.name ? `${m.bookedBy.name} (${m.bookedBy.id})` : m.bookedBy.id;
    const outcome = this.outcomes[m.id];
    const d = m.details;
    const label = `match-${m.id}`;
    // The customer's time with its zone label, and the agent's when his zone differs.
    const when = whenText(l, m.scheduledAt, m.timeZone, this.timeZone);
    return html`
      <li aria-labelledby=${label}>
        <strong id=${label}>${t(l, 'inbound.when', { when: when.customer })}</strong>
        ${when.agent ? html`<span class="hint">(${when.agent})</span>` : nothing}
        · ${m.campaign} · ${t(l, 'inbound.bookedBy', { who })}
        ${d
          ? html`<div>${`${d.firstName} ${d.lastName}`.trim()} · ${t(l, `status.${d.status}` as MessageKey)}</div>
              ${d.notes ? html`<p class="notes">${d.notes}</p>` : nothing}`
          : html`<div class="hint">${t(l, 'inbound.otherAgent')}</div>`}
        ${outcome
          ? html`<p class="ok" role="status">${t(l, outcome === 'closed' ? 'inbound.closed' : 'inbound.kept')}</p>`
          : html`<div class="actions">
              <button type="button" class="primary" ?disabled=${this.busy !== ''} @click=${() => this.close(m)}>${t(l, 'inbound.close')}</button>
              <button type="button" ?disabled=${this.busy !== ''} @click=${() => this.keep(m)}>${t(l, 'inbound.keep')}</button>
            </div>`}
      </li>
    `;
  }

  override render() {
    if (this.found.length === 0) return this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing;
    const l = this.locale;
    const title = this.found.length === 1 ? t(l, 'inbound.title') : t(l, 'inbound.titleMany', { count: this.found.length });
    return html`
      <section role="region" aria-labelledby="inbound-title">
        <h2 id="inbound-title">${title}</h2>
        <ul>${this.found.map((m) => this.renderMatch(m))}</ul>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-inbound-match': CbInboundMatch;
  }
  interface GlobalEventHandlersEventMap {
    'cb-inbound-closed': CbInboundClosedEvent;
    'cb-inbound-kept': CbInboundKeptEvent;
  }
}
