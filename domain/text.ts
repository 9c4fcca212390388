// Text that reaches UCCX, the database, logs and other people's screens: what is refused, and
// how a name is made harmless for a spreadsheet that opens UCCX's contact CSV.

/**
 * Characters no text field may hold: C0 controls (NUL, newline, tab …), DEL, C1 controls, and the
 * bidi overrides/isolates that make text read differently than it is stored (Trojan Source).
 * A newline in a name makes UCCX refuse the contact; a NUL breaks whole import batches.
 */
export const FORBIDDEN_CHARACTERS = '\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';

/** JSON-schema `pattern` (ECMAScript, as Ajv reads it) matching text without forbidden characters. */
export const SAFE_TEXT_PATTERN = `^[^${FORBIDDEN_CHARACTERS}]*$`;

const forbidden = new RegExp(`[${FORBIDDEN_CHARACTERS}]`, 'u');

/** True when the text holds no control or bidi-override character. */
export const isSafeText = (value: string): boolean => !forbidden.test(value);

/**
 * Notes are the one multi-line field (the gadget's textarea; shown with line breaks, never sent to
 * UCCX): they may hold tab, line feed and carriage return, nothing else of the above.
 */
export const FORBIDDEN_IN_MULTILINE = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';
export const SAFE_MULTILINE_PATTERN = `^[^${FORBIDDEN_IN_MULTILINE}]*$`;
const forbiddenMultiline = new RegExp(`[${FORBIDDEN_IN_MULTILINE}]`, 'u');
export const isSafeMultilineText = (value: string): boolean => !forbiddenMultiline.test(value);

/** The fields that are multi-line text wherever they appear (REST bodies, GraphQL inputs). */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['notes']);

/** Whether the text may stand in the field `key` (multi-line fields allow line breaks and tabs). */
export const isSafeField = (key: string | null, value: string): boolean => (key != null && MULTILINE_FIELDS.has(key) ? isSafeMultilineText(value) : isSafeText(value));

/** Whether any string anywhere inside `value` (a parsed JSON body, GraphQL variables) is refused. */
export function containsUnsafeText(value: unknown, key: string | null = null, depth = 0): boolean {
  if (typeof value === 'string') return !isSafeField(key, value);
  if (!value || typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) return value.some((v) => containsUnsafeText(v, key, depth + 1));
  return Object.entries(value).some(([k, v]) => !isSafeText(k) || containsUnsafeText(v, k, depth + 1));
}

/** The error code every API answers for such text. */
export const INVALID_CHARACTERS = 'invalid_characters';

/**
 * A name as it goes into a CSV file: a leading = + - @ (or a tab/CR, already refused at the API)
 * would make a spreadsheet read the cell as a formula (OWASP "CSV Injection"), so it gets a
 * leading apostrophe, which spreadsheets show as text.
 */
export function neutralizeCsvFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
