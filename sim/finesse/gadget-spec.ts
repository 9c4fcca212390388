// Reads a gadget spec (gadget.xml) the way the Finesse desktop's gadget container (Shindig) does:
// module prefs, user preferences with their defaults, and the HTML content with __UP_name__
// substituted by the user preference values.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface GadgetSpec {
  title: string;
  features: string[];
  userPrefs: Array<{ name: string; defaultValue: string }>;
  content: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', cdataPropName: '__cdata', isArray: (name) => ['Require', 'Optional', 'UserPref', 'Content'].includes(name) });

const asText = (v: unknown): string => {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && '__cdata' in (v as object)) {
    const c = (v as { __cdata: unknown }).__cdata;
    return Array.isArray(c) ? c.join('') : String(c);
  }
  return String((v as { '#text'?: unknown })['#text'] ?? '');
};

export function parseGadgetSpec(xml: string): GadgetSpec {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`gadget spec is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const mod = parser.parse(xml).Module as Record<string, any> | undefined;
  if (!mod) throw new Error('gadget spec has no <Module>');
  const prefs = (mod.ModulePrefs ?? {}) as Record<string, any>;
  const features = [...(prefs.Require ?? []), ...(prefs.Optional ?? [])].map((r: Record<string, string>) => r['@_feature']).filter(Boolean);
  const userPrefs = ((mod.UserPref ?? []) as Array<Record<string, string>>).map((p) => ({ name: p['@_name'], defaultValue: p['@_default_value'] ?? '' }));
  const html = ((mod.Content ?? []) as Array<Record<string, unknown>>).find((c) => (c['@_type'] ?? 'html') === 'html');
  if (!html) throw new Error('gadget spec has no <Content type="html">');
  return { title: String(prefs['@_title'] ?? ''), features, userPrefs, content: asText(html) };
}

/** The content with every __UP_name__ replaced by the preference value (given, else the default). */
export function renderGadgetContent(spec: GadgetSpec, values: Record<string, string>): string {
  let out = spec.content;
  for (const p of spec.userPrefs) out = out.split(`__UP_${p.name}__`).join(values[p.name] ?? p.defaultValue);
  return out.split('__MODULE_ID__').join('0');
}
