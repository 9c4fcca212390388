// The outcome of a callback call, asked when the call ends: reached, not reached (another attempt
// per the campaign's retry policy), or not reached with a new time agreed. Only the agent the call
// arrived at may answer, within 30 minutes (the server's state machine decides; refusals are shown).
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { CallOutcome, CallOutcomeResult } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDateTime, hasMessage, t, type MessageKey } from '../../i18n/i18n.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import type { CbRescheduleSubmitEvent, RescheduleTarget } from '../cb-reschedule/cb-reschedule.ts';
import '../cb-reschedule/cb-reschedule.ts';
import styles from './cb-call-outcome.styles.ts';

export type CbOutcomeRecordedEvent = CustomEvent<{ result: CallOutcomeResult }>;
export type CbOutcomeDismissedEvent = CustomEvent<{ callbackId: string }>;

const CHOICES: Array<[CallOutcome, MessageKey]> = [
  ['reached', 'outcome.reached'],
  ['not_reached', 'outcome.notReached'],
  ['reschedule', 'outcome.reschedule'],
];

let serial = 0;

@customElement('cb-call-outcome')
export class CbCallOutcome extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  @property({ attribute: 'callback-id' }) callbackId = '';
  /** The customer's name, for the question. */
  @property() name = '';
  /** The callback: a new time is picked in its campaign's calendar and read in its zone. */
  @property({ attribute: false }) callback?: RescheduleTarget;
  /** The clock the calendar reads (past slots are closed). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private choice: CallOutcome | null = null;
  @state() private result: CallOutcomeResult | null = null;
  @state() private error = '';
  @state() private busy = false;

  private readonly uid = `outcome-${++serial}`;

  private get locale() {
    return this.session?.locale ?? 'en';
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  private async send(when?: { scheduledAt: string; timeZone: string }): Promise<void> {
    if (!this.api || !this.choice || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const result = await this.api.recordCallOutcome(this.callbackId, this.choice, when);
      if (result.error) {
        const key = `outcome.error.${result.error}`;
        const why = result.violations.length ? result.violations.map((v) => (hasMessage(`violation.${v.code}`) ? t(this.locale, `violation.${v.code}` as MessageKey) : v.message)).join(' ') : hasMessage(key) ? t(this.locale, key) : result.error;
        this.error = t(this.locale, 'outcome.failed', { message: why });
        return;
      }
      this.result = result;
      this.dispatchEvent(new CustomEvent('cb-outcome-recorded', { detail: { result }, bubbles: true, composed: true }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-action="dismiss"]')?.focus();
    } catch (e) {
      this.error = t(this.locale, 'outcome.failed', { message: (e as Error).message });
    } finally {
      this.busy = false;
    }
  }

  private submit(e: Event): void {
    e.preventDefault();
    void this.send();
  }

  private savedText(r: CallOutcomeResult): string {
    const l = this.locale;
    const zone = r.timeZone ?? this.callback?.timeZone ?? 'UTC';
    if (r.outcome === 'reschedule' && r.scheduledAt) return t(l, 'outcome.saved.reschedule', { when: formatDateTime(l, r.scheduledAt, zone) });
    if (r.outcome === 'not_reached' && r.status === 'failed') return t(l, 'outcome.saved.failed');
    if (r.outcome === 'not_reached' && r.nextAttemptAt) return t(l, 'outcome.saved.retry', { when: formatDateTime(l, r.nextAttemptAt, zone) });
    return t(l, 'outcome.saved.reached');
  }

  private dismiss(): void {
    this.dispatchEvent(new CustomEvent('cb-outcome-dismissed', { detail: { callbackId: this.callbackId }, bubbles: true, composed: true }));
  }

  private renderChoices() {
    const l = this.locale;
    return html`<form @submit=${this.submit}>
      <div class="choices" role="radiogroup" aria-labelledby="${this.uid}-title">
        ${CHOICES.map(([value, key]) => html`<label><input type="radio" name="outcome" value=${value} .checked=${this.choice === value}
          @change=${() => (this.choice = value)} />${t(l, key)}</label>`)}
      </div>
      ${this.choice === 'reschedule' ? nothing : html`<div class="buttons"><button class="primary" type="submit" ?disabled=${!this.choice || this.busy}>${t(l, 'outcome.send')}</button></div>`}
    </form>
    ${this.choice === 'reschedule'
      ? html`<cb-reschedule .callback=${this.callback} .now=${this.now} @cb-reschedule-submit=${(e: CbRescheduleSubmitEvent) => void this.send(e.detail)}
          @cb-reschedule-close=${() => (this.choice = null)}></cb-reschedule>`
      : nothing}
    ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }

  override render() {
    const l = this.locale;
    return html`<section aria-labelledby="${this.uid}-title">
      <h3 id="${this.uid}-title" tabindex="-1">${t(l, 'outcome.question', { name: this.name })}</h3>
      ${this.result
        ? html`<p class="ok" role="status">${this.savedText(this.result)}</p>
            <div class="buttons"><button type="button" data-action="dismiss" @click=${this.dismiss}>${t(l, 'outcome.dismiss')}</button></div>`
        : this.renderChoices()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-call-outcome': CbCallOutcome;
  }
  interface GlobalEventHandlersEventMap {
    'cb-outcome-recorded': CbOutcomeRecordedEvent;
    'cb-outcome-dismissed': CbOutcomeDismissedEvent;
  }
}
