// The jobs' clock. Real time by default; a clock spec (plain data, so it crosses into worker
// threads) runs the jobs on an accelerated clock, e.g. in step with a UCCX simulator's clock.
export interface ClockSpec {
  /** Virtual time (epoch ms) at `realOriginMs`. */
  originMs: number;
  realOriginMs: number;
  /** Virtual milliseconds per real millisecond. */
  speed: number;
}

export function clockOf(spec: ClockSpec | null | undefined): () => Date {
  if (!spec) return () => new Date();
  return () => new Date(spec.originMs + (Date.now() - spec.realOriginMs) * spec.speed);
}
