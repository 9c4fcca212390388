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

/** GET /adminapi/campaign/{id}/contacts/status: the latest import's result. */
export function parseImportStatus(body: string): ImportStatus {
  const doc = parseBody(body);
  const root = (doc.json ?? doc.statusDetails ?? {}) as Record<string, unknown>;
  type Node = Record<string, unknown>;
  const importStatus: Node = asArray<Node>(root.importStatus as Node)[0] ?? ({} as Node);
  const status: Node = asArray<Node>(importStatus.status as Node)[0] ?? importStatus;
  const num = (v: unknown) => (text(v) == null ? null : Number(text(v)));
  return {
    result: text(status.result),
    importType: text(status['@importType'] ?? status.importType),
    startTime: num(status.startTime),
    numContactsImported: num(status.numContactsImported),
  };
}
