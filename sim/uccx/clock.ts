// The simulator's clock: real time, or accelerated (speed 60 = a simulated minute per real
// second) so tests can run a day of dialling in seconds. advance() jumps ahead at once.
export class SimClock {
  private readonly realStart = Date.now();
  private offsetMs = 0;

  constructor(readonly speed = 1, private readonly simStart = new Date()) {}

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
