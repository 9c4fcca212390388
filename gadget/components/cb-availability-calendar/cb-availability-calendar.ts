// The availability calendar: every day of the booking horizon (as far as the server's answer
// reaches), a week at a time, slots coloured by free capacity, closed slots disabled with their
// reason. Times are the customer's; the agent's own time is shown beside them when the zones differ.
// The answer is arranged by day once (SlotDays); a click re-renders one week and one day only.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { Slot } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDay, formatLongDay, t } from '../../i18n/i18n.ts';
import { rovingKeydown } from '../../lib/roving.ts';
import { ASK_DAYS } from '../../lib/slot-grid.ts';
import { addDays, browserZone, dayKey } from '../../lib/time.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import { level, SlotDays, type Cell } from './slot-days.ts';
import styles from './cb-availability-calendar.styles.ts';

export type CbSlotSelectEvent = CustomEvent<{ start: string; end: string }>;

export { ASK_DAYS };
const WEEK = 7;
const DAY_KEYS: Record<string, (i: number, first: number, last: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowDown: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  ArrowUp: (i) => i - 1,
  Home: (_i, first) => first,
  End: (_i, _first, last) => last,
  PageDown: (i) => i + WEEK,
  PageUp: (i) => i - WEEK,
};

@customElement('cb-availability-calendar')
export class CbAvailabilityCalendar extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  @property() campaign = '';
  @property() skill = '';
  @property({ attribute: 'agent-id' }) agentId = '';
  /** The customer's zone: days and times are read in it. */
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';
  /** The agent's zone (default: this desktop's); shown beside each time when it differs. */
  @property({ attribute: 'agent-zone' }) agentZone = browserZone();
  /** The customer's number (optional): the server checks the calling window in each of its zones. */
  @property() phone = '';
  /** The selected slot start (ISO). */
  @property() value = '';
  /** Instant the calendar starts from (tests pin it). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private index: SlotDays | null = null;
  @state() private loading = false;
  @state() private error = '';
  @state() private day = '';

  private slots: Slot[] = [];
  private request = 0;
  private loadedFor = '';

  override willUpdate(_changed: PropertyValues<this>): void {
    const scope = JSON.stringify([Boolean(this.api), this.campaign, this.skill, this.agentId, this.timeZone]);
    const key = `${scope}\n${this.phone}`;
    if (key === this.loadedFor) return;
    // Another skill, agent or zone: the old slots must not stay clickable. The number only narrows
    // the calling window, so its slots stay shown until the new answer.
    if (!this.loadedFor.startsWith(`${scope}\n`)) this.index = null;
    this.loadedFor = key;
    void this.load();
  }

  /** Reloads the slots (after a booking or a refusal), keeping the chosen day. */
  async load(): Promise<void> {
    if (!this.api || !this.campaign || (!this.skill && !this.agentId)) {
      this.index = null;
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
        to: addDays(from, ASK_DAYS),
        timeZone: this.timeZone,
        ...(this.phone ? { phone: this.phone } : {}),
      });
      if (id !== this.request) return;
      this.show(slots, from);
    } catch (e) {
      if (id === this.request) this.error = (e as Error).message;
    } finally {
      if (id === this.request) this.loading = false;
    }
  }

  /** Shows a slot as full at once (the server refused it), then asks for fresh availability. */
  markFull(start: string): Promise<void> {
    const slot = this.index?.slot(start);
    if (slot && this.index) {
      this.slots = this.slots.map((s) => (s === slot ? { ...s, available: 0, booked: s.capacity, closedReason: 'SLOT_FULL' } : s));
      this.show(this.slots, this.index.days[0]);
    }
    if (this.value === start) this.value = '';
    return this.load();
  }

  private show(slots: Slot[], from: string): void {
    this.slots = slots;
    this.index = new SlotDays(slots, this.timeZone, from);
    if (!this.day || !this.index.days.includes(this.day)) this.day = this.index.firstFree();
  }

  private get locale() {
    return this.session?.locale ?? 'en';
  }

  /** The days of the week holding `day` (weeks counted from the first day shown). */
  private weekOf(day: string): string[] {
    const days = this.index?.days ?? [];
    const start = Math.max(0, Math.floor(days.indexOf(day) / WEEK) * WEEK);
    return days.slice(start, start + WEEK);
  }

  private selectSlot(cell: Extract<Cell, { kind: 'open' }>): void {
    this.value = cell.slot.start;
    this.dispatchEvent(new CustomEvent('cb-slot-select', { detail: { start: cell.slot.start, end: cell.slot.end }, bubbles: true, composed: true }));
  }

  private async focusDay(day: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.day[data-day="${day}"]`)?.focus();
  }

  /** Previous or next week: its first free day is chosen; focus never stays on a disabled button. */
  private page(step: -1 | 1, e: Event): void {
    const days = this.index?.days ?? [];
    const start = Math.floor(days.indexOf(this.day) / WEEK) * WEEK + step * WEEK;
    if (start < 0 || start >= days.length) return;
    this.day = this.index?.firstFree(days.slice(start, start + WEEK)) ?? this.day;
    const button = e.currentTarget as HTMLButtonElement;
    void this.updateComplete.then(() => {
      if (button.disabled) void this.focusDay(this.day);
    });
  }

  private onDaysKey(e: KeyboardEvent): void {
    const days = this.index?.days ?? [];
    const move = DAY_KEYS[e.key];
    const i = days.indexOf(this.day);
    if (!move || i < 0) return;
    e.preventDefault();
    const week = Math.floor(i / WEEK) * WEEK;
    const next = days[Math.min(days.length - 1, Math.max(0, move(i, week, Math.min(days.length, week + WEEK) - 1)))];
    this.day = next;
    const button = this.renderRoot.querySelector<HTMLElement>(`.day[data-day="${next}"]`);
    if (button) {
      for (const b of this.renderRoot.querySelectorAll<HTMLElement>('.day')) b.tabIndex = b === button ? 0 : -1;
      button.focus();
    } else void this.focusDay(next);
  }

  private onSlotsKey(e: KeyboardEvent): void {
    rovingKeydown(e, [...this.renderRoot.querySelectorAll<HTMLElement>('.slot:not([disabled])')], this.shadowRoot?.activeElement ?? null);
  }

  private renderCell(cell: Cell, tabStop: string) {
    if (cell.kind === 'closed') return html`<button type="button" class="slot closed" disabled>${cell.range}<small>${cell.why}</small></button>`;
    const s = cell.slot;
    return html`<button type="button" class="slot ${level(s.available, s.capacity)}" aria-pressed=${this.value === s.start ? 'true' : 'false'}
      tabindex=${s.start === tabStop ? '0' : '-1'} @click=${() => this.selectSlot(cell)}>${cell.time}${cell.agentTime
        ? html` <span class="agent">(${cell.agentTime})</span>` : nothing}<small>${cell.free}</small></button>`;
  }

  private renderWeek(week: string[]) {
    const l = this.locale;
    const days = this.index?.days ?? [];
    const first = week[0] ?? '';
    const last = week[week.length - 1] ?? '';
    const range = first ? `${formatDay(l, `${first}T12:00:00Z`, 'UTC')} – ${formatDay(l, `${last}T12:00:00Z`, 'UTC')}` : '';
    return html`<div class="week">
      <button type="button" class="prev" aria-label=${t(l, 'calendar.prevWeek')} ?disabled=${!first || first === days[0]} @click=${(e: Event) => this.page(-1, e)}>‹</button>
      <p class="range" aria-live="polite">${range}</p>
      <button type="button" class="next" aria-label=${t(l, 'calendar.nextWeek')} ?disabled=${!last || last === days[days.length - 1]} @click=${(e: Event) => this.page(1, e)}>›</button>
    </div>`;
  }

  override render() {
    const l = this.locale;
    const index = this.index;
    const week = index && this.day ? this.weekOf(this.day) : [];
    const cells = index && this.day ? index.cellsOf(this.day, l, this.agentZone) : [];
    const open = cells.filter((c): c is Extract<Cell, { kind: 'open' }> => c.kind === 'open');
    const tabStop = open.find((c) => c.slot.start === this.value)?.slot.start ?? open[0]?.slot.start ?? '';
    return html`
      <div role="group" aria-label=${t(l, 'calendar.label')}>
        ${this.renderWeek(week)}
        <div class="days" role="group" aria-label=${t(l, 'calendar.days')} @keydown=${this.onDaysKey}>
          ${week.map((d) => {
            const sum = index?.info(d) ?? { available: 0, capacity: 0 };
            return html`<button type="button" class="day ${level(sum.available, sum.capacity)}" data-day=${d} title=${formatLongDay(l, `${d}T12:00:00Z`, 'UTC')}
              aria-pressed=${this.day === d ? 'true' : 'false'} tabindex=${this.day === d ? '0' : '-1'} @click=${() => (this.day = d)}>${formatDay(l, `${d}T12:00:00Z`, 'UTC')}</button>`;
          })}
        </div>
        ${this.agentZone && this.agentZone !== this.timeZone ? html`<p class="hint zones">${t(l, 'calendar.zones', { customer: this.timeZone, agent: this.agentZone })}</p>` : nothing}
        ${this.loading ? html`<p class="hint" role="status">${t(l, 'calendar.loading')}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${index && !this.loading && !this.error && cells.length === 0 ? html`<p class="hint">${t(l, 'calendar.empty')}</p>` : nothing}
        <div class="slots" @keydown=${this.onSlotsKey}>${cells.map((c) => this.renderCell(c, tabStop))}</div>
        <p class="hint">${t(l, 'calendar.legend')}</p>
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
