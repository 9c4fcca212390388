// Why a UCCX admin API call failed. The dispatcher decides from `kind` whether UCCX may have
// acted on the request (a timeout or a 5xx: verify before pushing again) or certainly did not
// (unreachable, 4xx, 503: try again later), and whether the data itself is refused (`permanent`).
// A 400 is NOT always about the data: a node that is switching over or is the standby refuses
// configuration writes with 400/403/503 and a message about the node. Only field-validation
// messages make a contact permanently refused (classifyUccxRefusal).
export type UccxErrorKind = 'unreachable' | 'timeout' | 'http';

// Errors raised before the request left this host: UCCX cannot have seen it.
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** Wording about the node or the service, not the contacts: HA switch-over, standby, capacity, outages. */
const NODE_WORDING = /\b(master|standby|secondary|subscriber|publisher|switch(ing|over)?|fail ?over|read[- ]only|not (yet )?(ready|available|in service)|unavailable|in service|try (again|later)|internal|server error|database|replication|busy|capacity|full)\b/i;
/** Wording of UCCX's field validation ("Add Contacts to Campaign": header, Phone1 mandatory, lengths, values). */
const DATA_WORDING = /\b(account ?number|first ?name|last ?name|phone ?[123]?|phones?|dial ?time|csv|csvdata|header|contacts?|field|characters?|length|mandatory|malformed|invalid (input|value|format|data))\b/i;
/** errorType values of data refusals (the simulator's Contact.*, CCE-style invalidInput.*, Malformed.Input). */
const DATA_TYPES = /^(contact\.|invalidinput|malformed)/i;

export type UccxRefusal = 'data' | 'node';

/** Is a 4xx refusal about the contacts (permanent) or about the node/service (try again, possibly elsewhere)? */
export function classifyUccxRefusal(errorType: string | null, message: string | null): UccxRefusal {
  const type = errorType ?? '';
  const text = message ?? '';
  if (NODE_WORDING.test(text) || NODE_WORDING.test(type)) return 'node';
  if (DATA_TYPES.test(type) || DATA_WORDING.test(text)) return 'data';
  // An unexplained refusal is not proof that the data is bad: retrying costs less than losing a callback.
  return 'node';
}

export class UccxError extends Error {
  constructor(
    readonly kind: UccxErrorKind,
    message: string,
    readonly status: number | null = null,
    /** The UCCX error text (`<apiError><errorMessage>` or the JSON equivalent), when given. */
    readonly uccxMessage: string | null = null,
    /** The socket error code when UCCX was not reachable (ECONNREFUSED, ECONNRESET, …). */
    readonly code: string | null = null,
    /** `<apiError><errorType>` when given. */
    readonly uccxErrorType: string | null = null,
  ) {
    super(message);
    this.name = 'UccxError';
  }

  /** UCCX refused the data itself: sending the same contacts again cannot succeed. */
  get permanent(): boolean {
    if (this.kind !== 'http') return false;
    if (this.status === 413) return true;
    return (this.status === 400 || this.status === 422) && classifyUccxRefusal(this.uccxErrorType, this.uccxMessage) === 'data';
  }

  /** UCCX may have processed the request although it did not say so. */
  get uncertain(): boolean {
    if (this.kind === 'unreachable') return !CONNECT_FAILURES.has(this.code ?? '');
    // 503 is "unable to handle the request now" (RFC 9110 §15.6.4): refused, not half-done.
    return this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500 && this.status !== 503);
  }

  /**
   * The node certainly did not apply the request and the other node of the pair may: connection
   * refused before sending, or a refusal about the node (standby, switch-over, 403, 503).
   */
  get tryOtherNode(): boolean {
    if (this.kind === 'unreachable') return CONNECT_FAILURES.has(this.code ?? '');
    if (this.kind !== 'http') return false;
    if (this.status === 403 || this.status === 503) return true;
    return (this.status === 400 || this.status === 409) && !this.permanent;
  }
}

const xmlTag = (body: string, tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'i').exec(body)?.[1]?.trim() ?? null;
const jsonField = (body: string, field: string) => new RegExp(`"${field}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(body)?.[1] ?? null;

/** The first error text in a UCCX error answer (XML `<errorMessage>` / JSON `errorMessage`), else the body start. */
export function uccxErrorMessage(body: string): string | null {
  const found = xmlTag(body, 'errorMessage') ?? jsonField(body, 'errorMessage');
  if (found != null) return found;
  const text = body.trim();
  return text ? text.slice(0, 300) : null;
}

/** `<errorType>` (or JSON `errorType`) of a UCCX error answer. */
export const uccxErrorType = (body: string): string | null => xmlTag(body, 'errorType') ?? jsonField(body, 'errorType');
