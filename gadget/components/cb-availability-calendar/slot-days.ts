// The availability answer arranged by day, once per answer: the calendar's clicks then only read it.
// Cells (with their formatted labels) are built the first time a day is shown and kept.
import type { Slot } from '../../api/types.ts';
import { formatTime, hasMessage, t, type Locale } from '../../i18n/i18n.ts';
import { addDays, dayKey, dayKeys } from '../../lib/time.ts';

/** A bookable slot, or a run of consecutive closed slots with one reason; labels ready to show. */
export type Cell =
  | { kind: 'open'; slot: Slot; time: string; agentTime: string; free: string }
  | { kind: 'closed'; start: string; end: string; reason: string; range: string; why: string };

export interface DayInfo {
  slots: Slot[];
  available: number;
  capacity: number;
}

export type Level = 'high' | 'mid' | 'low' | 'none';

export const level = (available: number, capacity: number): Level =>
  capacity <= 0 || available <= 0 ? 'none' : available / capacity >= 0.5 ? 'high' : available / capacity >= 0.2 ? 'mid' : 'low';

export class SlotDays {
  /** Every day from the first asked for to the last one the answer reaches (the booking horizon). */
  readonly days: string[];
  private readonly byDay = new Map<string, DayInfo>();
  private readonly cells = new Map<string, Cell[]>();

  constructor(slots: Slot[], readonly timeZone: string, first: string) {
    const dayOf = dayKeys(timeZone);
    for (const slot of slots) {
      const day = dayOf(slot.start);
      let info = this.byDay.get(day);
      if (!info) this.byDay.set(day, (info = { slots: [], available: 0, capacity: 0 }));
      info.slots.push(slot);
      if (!slot.closedReason) {
        info.available += slot.available;
        info.capacity += slot.capacity;
      }
    }
    const last = slots.length ? dayKey(slots[slots.length - 1].start, timeZone) : first;
    this.days = [first];
    while (this.days[this.days.length - 1] < last) this.days.push(addDays(this.days[this.days.length - 1], 1));
  }

  info(day: string): DayInfo {
    return this.byDay.get(day) ?? { slots: [], available: 0, capacity: 0 };
  }

  /** The first day with a free place, else the first day. */
  firstFree(days: string[] = this.days): string {
    return days.find((d) => this.info(d).available > 0) ?? days[0];
  }

  /** The slot starting at `start`, if the answer has it. */
  slot(start: string): Slot | undefined {
    return this.info(dayKey(start, this.timeZone)).slots.find((s) => s.start === start);
  }

  /** The day's cells, labelled in `locale` (built once per day and locale). */
  cellsOf(day: string, locale: Locale, agentZone: string): Cell[] {
    const key = `${locale}|${agentZone}|${day}`;
    let cells = this.cells.get(key);
    if (!cells) this.cells.set(key, (cells = this.buildCells(day, locale, agentZone)));
    return cells;
  }

  private buildCells(day: string, locale: Locale, agentZone: string): Cell[] {
    const tz = this.timeZone;
    const cells: Cell[] = [];
    const reason = (r: string) => (hasMessage(`closed.${r}`) ? t(locale, `closed.${r}` as 'closed.SLOT_FULL') : r);
    for (const slot of this.info(day).slots) {
      const last = cells[cells.length - 1];
      if (!slot.closedReason) {
        const time = formatTime(locale, slot.start, tz);
        const agentTime = agentZone && agentZone !== tz ? formatTime(locale, slot.start, agentZone) : '';
        cells.push({ kind: 'open', slot, time, agentTime, free: t(locale, 'calendar.free', { available: slot.available, capacity: slot.capacity }) });
      } else if (last?.kind === 'closed' && last.reason === slot.closedReason && last.end === slot.start) {
        last.end = slot.end;
      } else {
        cells.push({ kind: 'closed', start: slot.start, end: slot.end, reason: slot.closedReason, range: '', why: reason(slot.closedReason) });
      }
    }
    for (const c of cells) if (c.kind === 'closed') c.range = `${formatTime(locale, c.start, tz)}–${formatTime(locale, c.end, tz)}`;
    return cells;
  }
}
