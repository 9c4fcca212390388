// The part of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram { p50: number; p90: number; p99: number; average: number; max: number }
  interface Result {
    latency: Histogram;
    requests: Histogram & { total: number };
    '2xx': number;
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    overallRate?: number;
    requests?: Array<Record<string, unknown>>;
  }
  export default function autocannon(options: Options): Promise<Result>;
}
