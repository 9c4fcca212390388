// A new time for an existing callback, picked in the same availability calendar as a booking:
// the callback's campaign, skill and (personal) agent, in the gadget's language, the customer's
// zone with the agent's beside it when they differ. A refusal (SLOT_FULL, …) appears beside the
// buttons and takes the focus; Escape or Close gives the focus back to the button that opened it.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Callback } from '../../api/types.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import type { CbAvailabilityCalendar, CbSlotSelectEvent } from '../cb-availability-calendar/cb-availability-calendar.ts';
import '../cb-availability-calendar/cb-availability-calendar.ts';
import styles from './cb-reschedule.styles.ts';

/** What the calendar needs of the callback to move (a Callback, or the arrival context of one). */
export type RescheduleTarget = Pick<Callback, 'campaign' | 'skill' | 'type' | 'agentId' | 'timeZone' | 'scheduledAt' | 'firstName' | 'lastName'>;

/** scheduledAt: the chosen slot's start (ISO instant); timeZone: the callback's (customer's) zone. */
export type CbRescheduleSubmitEvent = CustomEvent<{ scheduledAt: string; timeZone: string }>;
export type CbRescheduleCloseEvent = CustomEvent<Record<string, never>>;

let serial = 0;

/** The focused element, looking into shadow roots (the button that opened the editor). */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

@customElement('cb-reschedule')
export class CbReschedule extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  /** The callback to move: its campaign, skill, agent and zone drive the calendar. */
  @property({ attribute: false }) callback?: RescheduleTarget;
  /** The server's refusal of the last submit, shown beside the buttons. */
  @property() error = '';
  /** Instant the calendar starts from (tests pin it). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private selected = '';

  private readonly uid = `reschedule-${++serial}`;
  private opener: HTMLElement | null = null;
  private submitted = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.opener = deepActiveElement();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('callback') || (changed.has('error') && this.refusedFull())) this.selected = '';
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('.title')?.focus();
  }

  override updated(changed: PropertyValues<this>): void {
    if (!changed.has('error') || !this.error) return;
    this.renderRoot.querySelector<HTMLElement>('.error')?.focus();
    // The refused time may have filled up meanwhile: show it full at once, then fresh availability.
    const calendar = this.renderRoot.querySelector<CbAvailabilityCalendar>('cb-availability-calendar');
    if (this.refusedFull() && this.submitted) void calendar?.markFull(this.submitted);
    else void calendar?.load();
  }

  private get locale() {
    return this.session?.locale ?? 'en';
  }

  /** The caller passes the refusal as text (refusalText): SLOT_FULL reads as its translation. */
  private refusedFull(): boolean {
    return Boolean(this.error) && this.error.includes(t(this.locale, 'violation.SLOT_FULL'));
  }

  private submit(): void {
    const c = this.callback;
    if (!c || !this.selected) return;
    this.submitted = this.selected;
    this.dispatchEvent(new CustomEvent('cb-reschedule-submit', { detail: { scheduledAt: this.selected, timeZone: c.timeZone }, bubbles: true, composed: true }));
  }

  private close(): void {
    const opener = this.opener;
    this.dispatchEvent(new CustomEvent('cb-reschedule-close', { detail: {}, bubbles: true, composed: true }));
    // The caller removes the editor in its next render; the focus goes back where it came from.
    requestAnimationFrame(() => opener?.isConnected && opener.focus());
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.close();
  }

  override render() {
    const c = this.callback;
    if (!c) return nothing;
    const l = this.locale;
    const name = `${c.firstName} ${c.lastName}`.trim();
    return html`
      <section aria-labelledby="${this.uid}-title" @keydown=${this.onKey}>
        <p id="${this.uid}-title" class="title" tabindex="-1">${t(l, 'reschedule.title', { name })}</p>
        <p class="hint">${t(l, 'reschedule.current', { when: `${formatDateTime(l, c.scheduledAt, c.timeZone)} (${c.timeZone})` })}</p>
        <cb-availability-calendar .campaign=${c.campaign} .skill=${c.skill ?? ''} .agentId=${c.type === 'personal' ? c.agentId ?? '' : ''}
          .timeZone=${c.timeZone} .value=${this.selected} .now=${this.now}
          @cb-slot-select=${(e: CbSlotSelectEvent) => (this.selected = e.detail.start)}></cb-availability-calendar>
        <p class="hint" aria-live="polite">${this.selected ? t(l, 'book.selected', { when: formatDateTime(l, this.selected, c.timeZone) }) : t(l, 'reschedule.pick')}</p>
        <div class="actions">
          <button class="primary" type="button" ?disabled=${!this.selected} @click=${this.submit}>${t(l, 'action.apply')}</button>
          <button type="button" class="close" @click=${this.close}>${t(l, 'action.close')}</button>
          ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
        </div>
      </section>
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
