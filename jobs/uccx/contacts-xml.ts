// The <campaignContacts> document of POST /adminapi/campaign/{id}/contacts (UCCX 12.5), and the
// parsing of the campaign list and import status answers (XML, or JSON when a proxy converts).
import { XMLParser } from 'fast-xml-parser';
import { buildContactsCsv, type ContactRow } from './csv.ts';

const escapeXml = (v: string) => v.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

export function buildCampaignContactsXml(args: {
  campaignName: string;
  campaignRefUrl: string;
  allowDuplicateContacts: boolean;
  contacts: readonly ContactRow[];
}): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<campaignContacts>',
    `  <campaign name="${escapeXml(args.campaignName)}"><refURL>${escapeXml(args.campaignRefUrl)}</refURL></campaign>`,
    `  <allowDuplicateContacts>${args.allowDuplicateContacts}</allowDuplicateContacts>`,
    `  <csvdata>\n${escapeXml(buildContactsCsv(args.contacts))}\n  </csvdata>`,
    '</campaignContacts>',
  ].join('\n');
}

export interface UccxCampaign {
  campaignId: number;
  campaignName: string;
  enabled: boolean;
  campaignType: string | null;
  startTime: string | null;
  endTime: string | null;
}

export interface ImportStatus {
  result: string | null;
  importType: string | null;
  startTime: number | null;
  numContactsImported: number | null;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: true });
// csvdata keeps its line breaks and spacing (the header may wrap).
const rawParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false });

const asArray = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string | null => (v == null ? null : typeof v === 'object' ? text((v as Record<string, unknown>)['#text']) : String(v));

/** The body as an object: JSON when it looks like JSON, XML otherwise. */
export function parseBody(body: string): Record<string, unknown> {
  const trimmed = body.trim();
  if (!trimmed) return {};
  return trimmed.startsWith('{') || trimmed.startsWith('[') ? { json: JSON.parse(trimmed) } : (parser.parse(trimmed) as Record<string, unknown>);
}

/** Campaign entries from GET /adminapi/campaign: `<campaigns><campaign>…` or `{"campaign":[…]}`. */
export function parseCampaignList(body: string): UccxCampaign[] {
  const doc = parseBody(body);
  const json = doc.json as Record<string, unknown> | unknown[] | undefined;
  const raw = json
    ? asArray(Array.isArray(json) ? json : (json.campaign as unknown) ?? (json.campaigns as Record<string, unknown>)?.campaign)
    : asArray((doc.campaigns as Record<string, unknown> | undefined)?.campaign ?? doc.campaign);
  return (raw as Array<Record<string, unknown>>)
    .map((c) => ({
      campaignId: Number(text(c.campaignId) ?? text(c.id)),
      campaignName: text(c.campaignName) ?? '',
      enabled: String(text(c.enabled)) !== 'false',
      campaignType: text(c.campaignType),
      startTime: text(c.startTime),
      endTime: text(c.endTime),
    }))
    .filter((c) => Number.isFinite(c.campaignId) && c.campaignName !== '');
}

/**
 * GET /adminapi/campaign/{id}/contacts/status ("Get Campaign Contacts Import Status"): one
 * <status importType="AUTO|MANUAL"> per kind of import. The API's imports are MANUAL ones, so that
 * entry is read; a body with a single untyped entry is read as it is.
 */
export function parseImportStatus(body: string): ImportStatus {
  const doc = parseBody(body);
  const root = (doc.json ?? doc.statusDetails ?? {}) as Record<string, unknown>;
  type Node = Record<string, unknown>;
  const importStatus: Node = asArray<Node>(root.importStatus as Node)[0] ?? ({} as Node);
  const entries = asArray<Node>(importStatus.status as Node);
  const typeOf = (n: Node) => text(n['@importType'] ?? n.importType);
  const untyped = entries.length === 1 && !typeOf(entries[0] as Node) ? (entries[0] as Node) : null;
  // Only AUTO entries: nothing is known about the API's (manual) imports.
  const status: Node = entries.find((n) => typeOf(n)?.toUpperCase() === 'MANUAL') ?? untyped ?? (entries.length === 0 ? importStatus : {});
  const num = (v: unknown) => (text(v) == null || text(v) === '' ? null : Number(text(v)));
  const result = asArray(status.result as unknown)[0];
  return {
    result: text(result)?.trim() || null,
    importType: typeOf(status),
    startTime: num(status.startTime),
    numContactsImported: num(status.numContactsImported),
  };
}

/**
 * The CSV of GET /adminapi/campaign/{id}/contacts. Cisco's "Get List of Pending Contacts for
 * Campaign" answers <campaignContacts><campaign name=…><refURL/></campaign><csvdata>…</csvdata>
 * (or the JSON form with `csvdata`); older stand-ins answered bare CSV, which is kept working.
 */
export function pendingContactsCsv(body: string): string {
  const trimmed = body.trim();
  if (trimmed.startsWith('<')) {
    const root = (rawParser.parse(trimmed) as Record<string, unknown>).campaignContacts as Record<string, unknown> | undefined;
    return text(root?.csvdata) ?? '';
  }
  if (trimmed.startsWith('{')) {
    const json = JSON.parse(trimmed) as Record<string, unknown>;
    const root = (json.campaignContacts ?? json) as Record<string, unknown>;
    return text(root.csvdata) ?? '';
  }
  return body;
}
