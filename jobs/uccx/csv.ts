// The CSV UCCX speaks inside <csvdata> (add contacts) and in the pending-contacts answer.
// RFC 4180 quoting: a field with a comma, quote or line break is quoted and quotes are doubled.
import { neutralizeCsvFormula } from '../../domain/text.ts';

/** One contact as the Campaign Manager imports it: Phone1 is the callback's dial string. */
export interface ContactRow {
  accountNumber: string;
  firstName: string;
  lastName: string;
  phone1: string;
}

/** The UCCX field limits (Admin & Operations Guide): longer values are refused by the import. */
export const CONTACT_LIMITS = { accountNumber: 25, firstName: 50, lastName: 50, phone1: 28 } as const;

export const IMPORT_HEADER = ['Account Number', 'First Name', 'Last Name', 'Phone1'];

const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The header line and one line per contact, as UCCX expects in <csvdata>. */
export function buildContactsCsv(rows: readonly ContactRow[]): string {
  const lines = [IMPORT_HEADER.join(',')];
  for (const r of rows) lines.push([r.accountNumber, ...[r.firstName, r.lastName].map((n) => neutralizeCsvFormula(n ?? '').slice(0, CONTACT_LIMITS.firstName)), r.phone1].map((v) => quote(v ?? '')).join(','));
  return lines.join('\n');
}

/** Splits CSV text into records of fields (quoted fields may hold commas, quotes and newlines). */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      (record = []), (field = '');
    } else field += c;
  }
  if (field !== '' || record.length) record.push(field), records.push(record);
  // Blank lines carry no record.
  return records.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Header names compared the way UCCX does: case-insensitive, spaces and underscores ignored. */
export const normalizeHeader = (name: string): string => name.toLowerCase().replace(/[\s_]/g, '');

/** CSV with a header line → one object per record, keyed by the normalized header names. */
export function parseCsvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header) return [];
  const keys = header.map(normalizeHeader);
  return rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()])));
}
