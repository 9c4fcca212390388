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

/** The header names UCCX uses in contact CSV (import and pending list), normalized. */
const KNOWN_HEADERS = new Set(
  [
    'account number', 'first name', 'last name', 'phone1', 'phone2', 'phone3', 'dial time', 'call result', 'callback number', 'call status',
    'call result 01', 'call result 02', 'call result 03', 'last number dialed', 'last number dialled', 'calls made to phone 01',
    'calls made to phone 02', 'calls made to phone 03', 'retry', 'num missed call back',
  ].map((h) => normalizeHeader(h)),
);

/**
 * CSV with a header line → one object per record, keyed by the normalized header names.
 * Cisco's pending-contacts sample wraps the header ("…, phone1,⏎ phone2, …"): a header record
 * that ends in an empty field, or is followed by a record made only of known header names, is
 * joined with the next one.
 */
export function parseCsvObjects(text: string): Array<Record<string, string>> {
  const records = parseCsvRecords(text);
  let header = records.shift();
  if (!header) return [];
  header = header.map((h) => h.trim());
  while (records.length > 0) {
    const next = (records[0] as string[]).map((f) => f.trim());
    const wrapped = header[header.length - 1] === '';
    const allNames = next.every((f) => f === '' || KNOWN_HEADERS.has(normalizeHeader(f))) && next.some((f) => f !== '');
    if (!wrapped && !allNames) break;
    if (wrapped) header.pop();
    header = [...header, ...next];
    records.shift();
  }
  const keys = header.map(normalizeHeader);
  return records.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()])));
}
