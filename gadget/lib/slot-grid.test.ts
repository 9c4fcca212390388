import { expect } from '@open-wc/testing';
import type { SlotGrid } from '../api/types.ts';
import { gridOf } from '../test/horizon-slots.ts';
import { dayKeys } from './time.ts';
import { slotsOfGrid } from './slot-grid.ts';

describe('lib/slot-grid', () => {
  it('expands every slot with its bookings, free places and the reason of its closed run', () => {
    const grid: SlotGrid = {
      start: '2026-11-24T09:45:00.000Z', slotMinutes: 15, count: 5, capacity: 10, booked: [0, 1, 10, 3, 0],
      closed: [{ first: 0, count: 1, reason: 'TOO_SOON' }, { first: 2, count: 1, reason: 'SLOT_FULL' }, { first: 4, count: 1, reason: 'SKILL_CLOSED' }],
    };
    expect(slotsOfGrid(grid)).to.deep.equal([
      { start: '2026-11-24T09:45:00.000Z', end: '2026-11-24T10:00:00.000Z', capacity: 10, booked: 0, available: 10, closedReason: 'TOO_SOON' },
      { start: '2026-11-24T10:00:00.000Z', end: '2026-11-24T10:15:00.000Z', capacity: 10, booked: 1, available: 9, closedReason: null },
      { start: '2026-11-24T10:15:00.000Z', end: '2026-11-24T10:30:00.000Z', capacity: 10, booked: 10, available: 0, closedReason: 'SLOT_FULL' },
      { start: '2026-11-24T10:30:00.000Z', end: '2026-11-24T10:45:00.000Z', capacity: 10, booked: 3, available: 7, closedReason: null },
      { start: '2026-11-24T10:45:00.000Z', end: '2026-11-24T11:00:00.000Z', capacity: 10, booked: 0, available: 10, closedReason: 'SKILL_CLOSED' },
    ]);
  });

  it('covers long closed runs slot by slot and leaves the slots between them bookable', () => {
    const grid: SlotGrid = {
      start: '2026-12-01T00:00:00.000Z', slotMinutes: 30, count: 96, capacity: 4, booked: new Array(96).fill(0),
      closed: [{ first: 0, count: 16, reason: 'OUTSIDE_CALLING_WINDOW' }, { first: 16, count: 2, reason: 'HOLIDAY' }, { first: 40, count: 56, reason: 'TOO_FAR' }],
    };
    const slots = slotsOfGrid(grid);
    expect(slots).to.have.length(96);
    const reasons = slots.map((s) => s.closedReason);
    expect(reasons.slice(0, 16).every((r) => r === 'OUTSIDE_CALLING_WINDOW')).to.equal(true);
    expect(reasons.slice(16, 18)).to.deep.equal(['HOLIDAY', 'HOLIDAY']);
    expect(reasons.slice(18, 40).every((r) => r === null)).to.equal(true);
    expect(reasons.slice(40).every((r) => r === 'TOO_FAR')).to.equal(true);
    expect(slots[95].end).to.equal('2026-12-03T00:00:00.000Z');
    for (let i = 1; i < slots.length; i++) expect(slots[i].start).to.equal(slots[i - 1].end);
  });

  it('on a clock change the customer’s day has 25 hours (Warsaw, 25 October 2026) and 23 (29 March)', () => {
    const dayOf = dayKeys('Europe/Warsaw');
    const perDay = (grid: SlotGrid) => {
      const counts = new Map<string, number>();
      for (const s of slotsOfGrid(grid)) counts.set(dayOf(s.start), (counts.get(dayOf(s.start)) ?? 0) + 1);
      return Object.fromEntries(counts);
    };
    // Local midnights: 24 Oct 22:00Z (CEST) … 26 Oct 23:00Z (CET); 28 Mar 23:00Z (CET) … 30 Mar 22:00Z (CEST).
    const autumn = { start: '2026-10-24T22:00:00.000Z', slotMinutes: 15, count: (49 * 60) / 15, capacity: 10, booked: [], closed: [] };
    expect(perDay(autumn)).to.deep.equal({ '2026-10-25': 100, '2026-10-26': 96 });
    const spring = { start: '2026-03-28T23:00:00.000Z', slotMinutes: 15, count: (47 * 60) / 15, capacity: 10, booked: [], closed: [] };
    expect(perDay(spring)).to.deep.equal({ '2026-03-29': 92, '2026-03-30': 96 });
    const repeated = slotsOfGrid(autumn).filter((s) => dayOf(s.start) === '2026-10-25' && new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit' }).format(new Date(s.start)) === '02:30');
    expect(repeated.map((s) => s.start)).to.deep.equal(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'], 'the repeated hour is there twice');
  });

  it('writes each start and end as Date#toISOString does, across days, months and odd slot lengths', () => {
    for (const [start, slotMinutes] of [['2026-12-31T23:45:00.000Z', 15], ['2028-02-28T22:00:00.000Z', 7], ['2026-11-24T10:00:30.000Z', 15]] as const) {
      const slots = slotsOfGrid({ start, slotMinutes, count: 2000, capacity: 1, booked: [], closed: [] });
      slots.forEach((s, i) => {
        const ms = Date.parse(start) + i * slotMinutes * 60_000;
        if (s.start !== new Date(ms).toISOString() || s.end !== new Date(ms + slotMinutes * 60_000).toISOString()) throw new Error(`${start} slot ${i}: ${s.start}–${s.end}`);
      });
    }
  });

  it('an empty answer has no slots; a grid it cannot read is refused', () => {
    expect(slotsOfGrid({ start: '2026-11-24T10:00:00.000Z', slotMinutes: 15, count: 0, capacity: 10, booked: [], closed: [] })).to.deep.equal([]);
    expect(() => slotsOfGrid({ start: 'soon', slotMinutes: 15, count: 1, capacity: 10, booked: [0], closed: [] })).to.throw(RangeError);
    expect(() => slotsOfGrid({ start: '2026-11-24T10:00:00.000Z', slotMinutes: 0, count: 1, capacity: 10, booked: [0], closed: [] })).to.throw(RangeError);
  });

  it('gridOf (the mocks’ helper) gives back the sampled slots, with the gaps closed', () => {
    const sampled = [
      { start: '2026-11-24T10:00:00.000Z', end: '2026-11-24T10:15:00.000Z', capacity: 10, booked: 2, available: 8, closedReason: null },
      { start: '2026-11-24T10:45:00.000Z', end: '2026-11-24T11:00:00.000Z', capacity: 10, booked: 10, available: 0, closedReason: 'SLOT_FULL' as const },
    ];
    const slots = slotsOfGrid(gridOf(sampled));
    expect(slots.map((s) => s.closedReason)).to.deep.equal([null, 'SKILL_CLOSED', 'SKILL_CLOSED', 'SLOT_FULL']);
    expect([slots[0], slots[3]]).to.deep.equal(sampled);
  });
});
