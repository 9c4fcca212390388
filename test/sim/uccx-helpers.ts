// Starting the UCCX simulator on a fresh db_cra stand-in (SQLite file or PostgreSQL database).
import { startUccxSim, type UccxSim, type UccxSimOptions } from '../../sim/uccx/index.ts';
import { createTestDatabase, type TestDialect } from '../helpers/databases.ts';

export const SIM_CAMPAIGNS = [
  { campaignId: 200, campaignName: 'CB_DDI_1', callingNumber: '+48221234567', startTime: '00:00', endTime: '23:59', maxDialAttempts: 2, retryNoAnswerDelay: 60, retryBusySignalDelay: 120 },
];

export const adminAuth = { authorization: `Basic ${Buffer.from('administrator:ciscocisco').toString('base64')}` };

export async function startTestSim(dialect: TestDialect, opts: Partial<UccxSimOptions> = {}): Promise<{ sim: UccxSim; cleanup(): Promise<void> }> {
  const target = await createTestDatabase(dialect);
  const sim = await startUccxSim({ dbcraUrl: target.url, campaigns: SIM_CAMPAIGNS, dialer: { enabled: false }, ...opts });
  return { sim, cleanup: async () => (await sim.close(), await target.drop()) };
}

export const contactsXml = (csv: string, allow = true) =>
  `<?xml version="1.0" encoding="UTF-8"?><campaignContacts><campaign name="CB_DDI_1"><refURL>http://x/adminapi/campaign/200</refURL></campaign>` +
  `<allowDuplicateContacts>${allow}</allowDuplicateContacts><csvdata>\n${csv}\n</csvdata></campaignContacts>`;

export const HEADER = 'Account Number,First Name,Last Name,Phone1,Phone2,Phone3,Dial Time';

export async function postContacts(sim: UccxSim, csv: string, allow = true): Promise<Response> {
  return fetch(`${sim.url}/adminapi/campaign/200/contacts`, { method: 'POST', headers: { ...adminAuth, 'content-type': 'application/xml' }, body: contactsXml(csv, allow) });
}

/** The non-empty, trimmed lines inside <csvdata> of a pending-contacts answer (entities decoded). */
export const csvdataLines = (xml: string): string[] =>
  (/<csvdata>([\s\S]*)<\/csvdata>/.exec(xml)?.[1] ?? '')
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
