import { expect } from '@open-wc/testing';
import { dayKey, dayKeys, dateTimeFormat } from './time.ts';

describe('lib/time', () => {
  it('dayKeys agrees with dayKey every 15 minutes across clock changes and odd offsets', () => {
    for (const zone of ['Europe/Warsaw', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC']) {
      for (const from of ['2026-03-01T00:00:00Z', '2026-10-01T00:00:00Z']) {
        const dayOf = dayKeys(zone);
        const start = Date.parse(from);
        for (let ms = start; ms < start + 40 * 86_400_000; ms += 900_000) {
          const iso = new Date(ms).toISOString();
          if (dayOf(iso) !== dayKey(iso, zone)) throw new Error(`${zone} ${iso}: ${dayOf(iso)} ≠ ${dayKey(iso, zone)}`);
        }
      }
    }
  });

  it('hands out one formatter per locale, zone and options', () => {
    const a = dateTimeFormat('pl-PL', { hour: '2-digit', timeZone: 'Europe/Warsaw' });
    expect(dateTimeFormat('pl-PL', { hour: '2-digit', timeZone: 'Europe/Warsaw' })).to.equal(a);
    expect(dateTimeFormat('pl-PL', { hour: '2-digit', timeZone: 'UTC' })).to.not.equal(a);
    expect(dateTimeFormat('en-GB', { hour: '2-digit', timeZone: 'Europe/Warsaw' })).to.not.equal(a);
  });
});
