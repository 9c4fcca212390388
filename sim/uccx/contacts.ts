// POST /adminapi/campaign/{id}/contacts: the <campaignContacts> XML (or its JSON form) carrying
// CSV, checked against UCCX 12.5's limits. One bad row rejects the whole import, as UCCX does.
import { XMLParser } from 'fast-xml-parser';
import { parseCsv } from './csv.ts';

export const LIMITS = { accountNumber: 25, name: 50, phone: 28, rowsPerImport: 100_000, activePerCampaign: 100_000 } as const;
export type Limits = { [K in keyof typeof LIMITS]: number };

export interface ImportedContact {
  accountNumber: string;
  firstName: string;
  lastName: string;
  phones: string[];
}

export class ImportError extends Error {
  constructor(readonly errorType: string, message: string, readonly errorData = '') {
    super(message);
  }
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false });

/** true / false when the body says, null when it leaves allowDuplicateContacts out. */
const flag = (v: unknown): boolean | null => (v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim().toLowerCase() === 'true');

/** The campaign name, duplicate flag and CSV of an add-contacts body (XML or JSON). */
export function readImportBody(body: string, contentType: string): { campaignName: string | null; allowDuplicates: boolean | null; csv: string } {
  try {
    if (contentType.includes('json')) {
      const doc = JSON.parse(body) as { campaignContacts?: Record<string, unknown> };
      const root = (doc.campaignContacts ?? doc) as { campaign?: { '@name'?: string; name?: string }; allowDuplicateContacts?: boolean | string; csvdata?: string };
      return { campaignName: root.campaign?.['@name'] ?? root.campaign?.name ?? null, allowDuplicates: flag(root.allowDuplicateContacts), csv: String(root.csvdata ?? '') };
    }
    const root = parser.parse(body).campaignContacts as { campaign?: { '@name'?: string }; allowDuplicateContacts?: string; csvdata?: string } | undefined;
    if (!root) throw new Error('no campaignContacts element');
    return { campaignName: root.campaign?.['@name'] ?? null, allowDuplicates: flag(root.allowDuplicateContacts), csv: String(root.csvdata ?? '') };
  } catch (e) {
    throw new ImportError('Malformed.Input', `The request body could not be read: ${(e as Error).message}`);
  }
}

/** Rows of the CSV as contacts, or an ImportError naming the first violated limit. */
export function readContacts(csv: string, limits: Limits = LIMITS): ImportedContact[] {
  const { header, rows } = parseCsv(csv);
  const col = (name: string) => header.indexOf(name);
  const [acc, first, last, p1, p2, p3] = ['account number', 'first name', 'last name', 'phone1', 'phone2', 'phone3'].map(col);
  if (p1 < 0) throw new ImportError('Contact.Phone1.Missing', 'The CSV header must contain Phone1.', header.join(','));
  if (rows.length > limits.rowsPerImport) throw new ImportError('Contact.File.TooLarge', `At most ${limits.rowsPerImport} contacts per import.`, String(rows.length));
  return rows.map((r, i) => {
    const get = (idx: number) => (idx >= 0 ? r[idx] ?? '' : '');
    const c = { accountNumber: get(acc), firstName: get(first), lastName: get(last), phones: [get(p1), get(p2), get(p3)] };
    const line = String(i + 2);
    if (!c.phones[0]) throw new ImportError('Contact.Phone1.Missing', 'Phone1 is mandatory.', line);
    if (c.accountNumber.length > limits.accountNumber) throw new ImportError('Contact.AccountNumber.Length', `Account Number exceeds ${limits.accountNumber} characters.`, line);
    if (c.firstName.length > limits.name || c.lastName.length > limits.name) throw new ImportError('Contact.Name.Length', `First/Last Name exceeds ${limits.name} characters.`, line);
    if (c.phones.some((p) => p.length > limits.phone)) throw new ImportError('Contact.Phone.Length', `Phone exceeds ${limits.phone} characters.`, line);
    if (c.phones.some((p) => p && !/^[0-9*#+]+$/.test(p))) throw new ImportError('Contact.Phone.Invalid', 'Phone numbers may contain digits only.', line);
    return c;
  });
}
