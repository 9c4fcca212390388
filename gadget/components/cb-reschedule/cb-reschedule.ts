// A small "new time" editor for an existing callback: a local date-time in the callback's zone.
import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { t } from '../../i18n/i18n.ts';
import { localDateTime } from '../../lib/time.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import styles from './cb-reschedule.styles.ts';

/** scheduledAt is a local "YYYY-MM-DDTHH:mm" read in timeZone (as the GraphQL contract allows). */
export type CbRescheduleSubmitEvent = CustomEvent<{ scheduledAt: string; timeZone: string }>;
export type CbRescheduleCloseEvent = CustomEvent<Record<string, never>>;

let serial = 0;

@customElement('cb-reschedule')
export class CbReschedule extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  /** Current scheduled instant (ISO). */
  @property({ attribute: 'scheduled-at' }) scheduledAt = '';
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';
  @property() error = '';

  @state() private value = '';

  private readonly inputId = `reschedule-${++serial}`;

  override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('scheduledAt') || changed.has('timeZone')) && this.scheduledAt) this.value = localDateTime(this.scheduledAt, this.timeZone);
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  private submit(e: Event): void {
    e.preventDefault();
    if (!this.value) return;
    this.dispatchEvent(new CustomEvent('cb-reschedule-submit', { detail: { scheduledAt: this.value, timeZone: this.timeZone }, bubbles: true, composed: true }));
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('cb-reschedule-close', { detail: {}, bubbles: true, composed: true }));
  }

  override render() {
    const l = this.session?.locale ?? 'en';
    return html`
      <form @submit=${this.submit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.close()}>
        <div>
          <label for=${this.inputId}>${t(l, 'reschedule.label', { zone: this.timeZone })}</label>
          <input id=${this.inputId} type="datetime-local" step="60" .value=${this.value} required
            aria-invalid=${this.error ? 'true' : 'false'} @input=${(e: Event) => (this.value = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="primary" type="submit">${t(l, 'action.apply')}</button>
        <button type="button" @click=${this.close}>${t(l, 'action.close')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-reschedule': CbReschedule;
  }
  interface GlobalEventHandlersEventMap {
    'cb-reschedule-submit': CbRescheduleSubmitEvent;
    'cb-reschedule-close': CbRescheduleCloseEvent;
  }
}
