// The availability calendar: the next 14 days, slots coloured by free capacity, closed slots
// disabled with their reason (closed, holiday, full, outside calling window, …).
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { Slot } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDay, formatTime, hasMessage, t } from '../../i18n/i18n.ts';
import { rovingKeydown } from '../../lib/roving.ts';
import { addDays, dayKey } from '../../lib/time.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import styles from './cb-availability-calendar.styles.ts';

export type CbSlotSelectEvent = CustomEvent<{ start: string; end: string }>;

/** A run of bookable slot or of consecutive closed slots with one reason. */
type Cell = { kind: 'open'; slot: Slot } | { kind: 'closed'; start: string; end: string; reason: string };

const DAYS = 14;
const level = (available: number, capacity: number): 'high' | 'mid' | 'low' | 'none' =>
  capacity <= 0 || available <= 0 ? 'none' : available / capacity >= 0.5 ? 'high' : available / capacity >= 0.2 ? 'mid' : 'low';

@customElement('cb-availability-calendar')
export class CbAvailabilityCalendar extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  @property() campaign = '';
  @property() skill = '';
  @property({ attribute: 'agent-id' }) agentId = '';
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';
  /** The customer's number (optional): the server checks the calling window in each of its zones. */
  @property() phone = '';
  /** The selected slot start (ISO). */
  @property() value = '';
  /** Instant the 14 days start from (tests pin it). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private slots: Slot[] = [];
  @state() private loading = false;
  @state() private error = '';
  @state() private day = '';

  private request = 0;
  private loadedFor = '';

  override willUpdate(_changed: PropertyValues<this>): void {
    const key = JSON.stringify([Boolean(this.api), this.campaign, this.skill, this.agentId, this.timeZone, this.phone]);
    if (key !== this.loadedFor) {
      this.loadedFor = key;
      void this.load();
    }
  }

  /** Reloads the slots (after a booking, for instance). */
  async load(): Promise<void> {
    if (!this.api || !this.campaign || (!this.skill && !this.agentId)) {
      this.slots = [];
      return;
    }
    const id = ++this.request;
    const from = dayKey(this.now(), this.timeZone);
    this.loading = true;
    this.error = '';
    try {
      const slots = await this.api.availability({
        campaign: this.campaign,
        skill: this.skill || undefined,
        agentId: this.agentId || undefined,
        from,
        to: addDays(from, DAYS),
        timeZone: this.timeZone,
        ...(this.phone ? { phone: this.phone } : {}),
      });
      if (id !== this.request) return;
      this.slots = slots;
      if (!this.day || !this.days().includes(this.day)) this.day = this.days().find((d) => this.daySummary(d).available > 0) ?? from;
    } catch (e) {
      if (id === this.request) this.error = (e as Error).message;
    } finally {
      if (id === this.request) this.loading = false;
    }
  }

  private get locale() {
    return this.session?.locale ?? 'en';
  }

  private days(): string[] {
    const first = dayKey(this.now(), this.timeZone);
    return Array.from({ length: DAYS }, (_, i) => addDays(first, i));
  }

  private slotsOf(day: string): Slot[] {
    return this.slots.filter((s) => dayKey(s.start, this.timeZone) === day);
  }

  private daySummary(day: string): { available: number; capacity: number } {
    return this.slotsOf(day)
      .filter((s) => !s.closedReason)
      .reduce((a, s) => ({ available: a.available + s.available, capacity: a.capacity + s.capacity }), { available: 0, capacity: 0 });
  }

  private cells(day: string): Cell[] {
    const cells: Cell[] = [];
    for (const slot of this.slotsOf(day)) {
      const last = cells[cells.length - 1];
      if (!slot.closedReason) cells.push({ kind: 'open', slot });
      else if (last?.kind === 'closed' && last.reason === slot.closedReason && last.end === slot.start) last.end = slot.end;
      else cells.push({ kind: 'closed', start: slot.start, end: slot.end, reason: slot.closedReason });
    }
    return cells;
  }

  private selectDay(day: string): void {
    this.day = day;
  }

  private selectSlot(slot: Slot): void {
    this.value = slot.start;
    this.dispatchEvent(new CustomEvent('cb-slot-select', { detail: { start: slot.start, end: slot.end }, bubbles: true, composed: true }));
  }

  private onDaysKey(e: KeyboardEvent): void {
    const next = rovingKeydown(e, [...this.renderRoot.querySelectorAll<HTMLElement>('.day')], this.shadowRoot?.activeElement ?? null);
    if (next?.dataset.day) this.selectDay(next.dataset.day);
  }

  private onSlotsKey(e: KeyboardEvent): void {
    rovingKeydown(e, [...this.renderRoot.querySelectorAll<HTMLElement>('.slot:not([disabled])')], this.shadowRoot?.activeElement ?? null);
  }

  private reasonText(reason: string): string {
    const key = `closed.${reason}`;
    return hasMessage(key) ? t(this.locale, key) : reason;
  }

  private renderCell(cell: Cell, tabStop: string) {
    const tz = this.timeZone;
    if (cell.kind === 'closed') {
      const range = `${formatTime(this.locale, cell.start, tz)}–${formatTime(this.locale, cell.end, tz)}`;
      return html`<button type="button" class="slot closed" disabled>${range}<small>${this.reasonText(cell.reason)}</small></button>`;
    }
    const s = cell.slot;
    const free = t(this.locale, 'calendar.free', { available: s.available, capacity: s.capacity });
    return html`<button type="button" class="slot ${level(s.available, s.capacity)}" aria-pressed=${this.value === s.start ? 'true' : 'false'}
      tabindex=${s.start === tabStop ? '0' : '-1'} @click=${() => this.selectSlot(s)}>${formatTime(this.locale, s.start, tz)}<small>${free}</small></button>`;
  }

  override render() {
    const locale = this.locale;
    const cells = this.day ? this.cells(this.day) : [];
    const open = cells.filter((c): c is Extract<Cell, { kind: 'open' }> => c.kind === 'open');
    const tabStop = open.find((c) => c.slot.start === this.value)?.slot.start ?? open[0]?.slot.start ?? '';
    return html`
      <div role="group" aria-label=${t(locale, 'calendar.label')}>
        <div class="days" role="group" aria-label=${t(locale, 'calendar.days')} @keydown=${this.onDaysKey}>
          ${this.days().map((d) => {
            const sum = this.daySummary(d);
            return html`<button type="button" class="day ${level(sum.available, sum.capacity)}" data-day=${d}
              aria-pressed=${this.day === d ? 'true' : 'false'} tabindex=${this.day === d ? '0' : '-1'} @click=${() => this.selectDay(d)}>${formatDay(locale, `${d}T12:00:00Z`, 'UTC')}</button>`;
          })}
        </div>
        ${this.loading ? html`<p class="hint" role="status">${t(locale, 'calendar.loading')}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${!this.loading && !this.error && cells.length === 0 ? html`<p class="hint">${t(locale, 'calendar.empty')}</p>` : nothing}
        <div class="slots" @keydown=${this.onSlotsKey}>${cells.map((c) => this.renderCell(c, tabStop))}</div>
        <p class="hint">${t(locale, 'calendar.legend')}</p>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-availability-calendar': CbAvailabilityCalendar;
  }
  interface GlobalEventHandlersEventMap {
    'cb-slot-select': CbSlotSelectEvent;
  }
}
