import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { buildContactsCsv, parseCsvObjects, parseCsvRecords } from '../../jobs/uccx/csv.ts';
import { buildCampaignContactsXml, parseCampaignList, parseImportStatus } from '../../jobs/uccx/contacts-xml.ts';
import { uccxErrorMessage } from '../../jobs/uccx/errors.ts';

const contacts = [
  { accountNumber: 'CB000123', firstName: 'Jan', lastName: 'Kowalski', phone1: '0221234567' },
  { accountNumber: 'CB000124', firstName: 'Anna, Maria', lastName: 'O"Neil', phone1: '0048221234568' },
];

describe('buildContactsCsv', () => {
  test('writes the UCCX header and quotes fields with commas and quotes', () => {
    assert.equal(
      buildContactsCsv(contacts),
      'Account Number,First Name,Last Name,Phone1\nCB000123,Jan,Kowalski,0221234567\nCB000124,"Anna, Maria","O""Neil",0048221234568',
    );
  });
});

describe('parseCsvRecords / parseCsvObjects', () => {
  test('round-trips what buildContactsCsv wrote', () => {
    const rows = parseCsvObjects(buildContactsCsv(contacts));
    assert.deepEqual(rows[1], { accountnumber: 'CB000124', firstname: 'Anna, Maria', lastname: 'O"Neil', phone1: '0048221234568' });
  });
  test('reads the pending-contacts CSV with CRLF, blank lines and any header case', () => {
    const body = 'ACCOUNT NUMBER,first name,Last Name,Phone1,Phone2,Phone3,Dial Time,Call Result,Callback Number,Call Status\r\nCB1,A,B,0221,,,,,,1\r\n\r\n';
    assert.deepEqual(parseCsvObjects(body).map((r) => [r.accountnumber, r.callstatus]), [['CB1', '1']]);
    assert.deepEqual(parseCsvRecords(''), []);
  });
});

describe('buildCampaignContactsXml', () => {
  test('builds the <campaignContacts> document with the CSV inside, XML-escaped', () => {
    const xml = buildCampaignContactsXml({ campaignName: 'CB_DDI_1', campaignRefUrl: 'https://uccx/adminapi/campaign/200', allowDuplicateContacts: true, contacts: [{ ...contacts[0], lastName: 'A&B' }] });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false }).parse(xml);
    assert.equal(doc.campaignContacts.campaign['@name'], 'CB_DDI_1');
    assert.equal(doc.campaignContacts.campaign.refURL, 'https://uccx/adminapi/campaign/200');
    assert.equal(doc.campaignContacts.allowDuplicateContacts, 'true');
    assert.deepEqual(parseCsvObjects(doc.campaignContacts.csvdata)[0], { accountnumber: 'CB000123', firstname: 'Jan', lastname: 'A&B', phone1: '0221234567' });
  });
});

describe('parseCampaignList', () => {
  test('reads the XML list and the JSON list', () => {
    const xml = '<campaigns><campaign><campaignId>200</campaignId><campaignName>CB_DDI_1</campaignName><enabled>true</enabled></campaign><campaign><campaignId>201</campaignId><campaignName>CB_DDI_2</campaignName></campaign></campaigns>';
    assert.deepEqual(parseCampaignList(xml).map((c) => [c.campaignId, c.campaignName]), [[200, 'CB_DDI_1'], [201, 'CB_DDI_2']]);
    assert.deepEqual(parseCampaignList('{"campaign":[{"campaignId":7,"campaignName":"X","enabled":false}]}').map((c) => [c.campaignId, c.enabled]), [[7, false]]);
    assert.deepEqual(parseCampaignList('<campaigns><campaign><campaignId>9</campaignId><campaignName>ONE</campaignName></campaign></campaigns>').length, 1);
  });
});

describe('parseImportStatus', () => {
  test('reads result, type, start time and count', () => {
    const xml = '<statusDetails><importStatus><status importType="MANUAL"><result>SUCCESS</result><startTime>1700000000000</startTime><numContactsImported>2</numContactsImported></status></importStatus></statusDetails>';
    assert.deepEqual(parseImportStatus(xml), { result: 'SUCCESS', importType: 'MANUAL', startTime: 1700000000000, numContactsImported: 2 });
  });
});

describe('uccxErrorMessage', () => {
  test('takes the errorMessage of the UCCX error XML or JSON', () => {
    assert.equal(uccxErrorMessage('<apiErrors><apiError><errorMessage>Phone1 too long</errorMessage></apiError></apiErrors>'), 'Phone1 too long');
    assert.equal(uccxErrorMessage('{"apiError":[{"errorMessage":"bad"}]}'), 'bad');
    assert.equal(uccxErrorMessage(''), null);
  });
});
