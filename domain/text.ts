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
