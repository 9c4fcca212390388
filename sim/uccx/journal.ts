// The simulator's journal: one JSON line per accepted import and per DELETE of all contacts,
// appended synchronously before the answer leaves, so a simulator killed right after answering
// still has the record. Chaos tests (test/chaos) count the contacts UCCX received per callback
// from it, including those a purge deleted since. Not a UCCX feature: a test instrument.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { JournalEntry } from './admin-api.ts';

export const journalTo = (file: string) => (entry: JournalEntry) => appendFileSync(file, `${JSON.stringify(entry)}\n`);

/** The entries of a journal file (a line cut short by a kill is left out). */
export function readJournal(file: string): JournalEntry[] {
  if (!existsSync(file)) return [];
  const entries: JournalEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      // the last line of a killed process may be incomplete
    }
  }
  return entries;
}
