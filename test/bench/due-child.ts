// Runs the due → import case in a process of its own: the Bree worker threads log each dispatch
// on stdout, which would mix with the table; here stdout is dropped and the rows come back over IPC.
import type { TestDialect } from '../helpers/databases.ts';
import { benchDueToImport } from './bench-jobs.ts';

const rows = await benchDueToImport(process.env.BENCH_DIALECT as TestDialect, Number(process.env.BENCH_SAMPLES));
process.send?.({ type: 'rows', rows }, () => process.exit(0));
