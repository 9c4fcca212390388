// One row per figure: what was measured, on which database, the figure, its goal and whether it
// was met; `ratio` compares with the reference measured in the same run. ok null: no goal, or
// the figure is not available on this branch (never a made-up number).
export interface BenchRow {
  case: string;
  db: string;
  /** The measured figure as printed, with its unit ("p50 1.2 / p99 3.4 ms", "1.8 s", "512 kB"). */
  figure: string;
  goal: string;
  ok: boolean | null;
  /** Against the reference ("× 1.9 of bare Fastify"); '' when there is none. */
  ratio: string;
  /** Peak resident memory of the server child during the case, MB; null when no server ran. */
  rssMb: number | null;
}

export const TABLE_HEADER = ['case', 'db', 'figure', 'goal', 'ok', 'ratio / reference', 'server RSS MB'] as const;

export const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
export const ms = (n: number) => `${fmt(n)} ms`;

export function unavailable(name: string, db: string, goal: string, why: string): BenchRow {
  return { case: name, db, figure: `not available on this branch (${why})`, goal, ok: null, ratio: '', rssMb: null };
}

/** Markdown table: readable in the terminal and in docs/benchmarks.md alike. */
export function renderTable(rows: BenchRow[]): string {
  const cells = rows.map((r) => [r.case, r.db, r.figure, r.goal, r.ok === null ? '—' : r.ok ? '✓' : '✗', r.ratio, r.rssMb === null ? '' : fmt(r.rssMb)]);
  const line = (c: readonly string[]) => `| ${c.join(' | ')} |`;
  return [line(TABLE_HEADER), line(TABLE_HEADER.map(() => '---')), ...cells.map(line)].join('\n');
}
