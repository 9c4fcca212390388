// CSV as UCCX's admin API carries it: a header line (case-insensitive names), then one contact
// per line. Quoted fields are allowed so names with commas survive.
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const [head = '', ...rest] = lines;
  return { header: splitLine(head).map((h) => h.trim().toLowerCase()), rows: rest.map(splitLine) };
}

function splitLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(field), (field = '');
    else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const csvLine = (fields: Array<string | number | boolean | null | undefined>, separator = ',') => fields.map((f) => quote(f == null ? '' : String(f))).join(separator);
