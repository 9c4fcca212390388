// The simulator's clock: real time, or accelerated (speed 60 = a simulated minute per real
// second) so tests can run a day of dialling in seconds. advance() jumps ahead at once.
import { DateTime } from 'luxon';

export class SimClock {
  private readonly realStart = Date.now();
  private offsetMs = 0;

  constructor(readonly speed = 1, private readonly simStart = new Date()) {
    if (!(speed > 0)) throw new RangeError('clock speed must be > 0');
  }

  now(): Date {
    const realElapsed = Date.now() - this.realStart;
    return new Date(this.simStart.getTime() + realElapsed * this.speed + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Real milliseconds that correspond to `simMs` simulated ones. */
  toRealMs(simMs: number): number {
    return simMs / this.speed;
  }
}

/** Midnight that starts `at`'s day in the UCCX server's zone (its "since midnight" and midnight job). */
export const startOfDay = (at: Date, zone: string): Date => DateTime.fromJSDate(at, { zone }).startOf('day').toJSDate();

/** Minutes since midnight of `at` in `zone` (campaign start/end times are in the server's zone). */
export const minutesOfDay = (at: Date, zone: string): number => {
  const t = DateTime.fromJSDate(at, { zone });
  return t.hour * 60 + t.minute;
};
