// Why a UCCX admin API call failed. The dispatcher decides from `kind` whether UCCX may have
// acted on the request (a timeout or a 5xx: verify before pushing again) or certainly did not
// (unreachable, 401/403/404: try again later), and whether the data itself is refused (400/422).
export type UccxErrorKind = 'unreachable' | 'timeout' | 'http';

// Errors raised before the request left this host: UCCX cannot have seen it.
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export class UccxError extends Error {
  constructor(
    readonly kind: UccxErrorKind,
    message: string,
    readonly status: number | null = null,
    /** The UCCX error text (`<apiError><errorMessage>` or the JSON equivalent), when given. */
    readonly uccxMessage: string | null = null,
    /** The socket error code when UCCX was not reachable (ECONNREFUSED, ECONNRESET, …). */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'UccxError';
  }

  /** UCCX refused the data itself: sending the same contacts again cannot succeed. */
  get permanent(): boolean {
    return this.kind === 'http' && (this.status === 400 || this.status === 413 || this.status === 422);
  }

  /** UCCX may have processed the request although it did not say so. */
  get uncertain(): boolean {
    if (this.kind === 'unreachable') return !CONNECT_FAILURES.has(this.code ?? '');
    return this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}

/** The first error text in a UCCX error answer (XML `<errorMessage>` / JSON `errorMessage`), else the body start. */
export function uccxErrorMessage(body: string): string | null {
  const xml = /<errorMessage>([\s\S]*?)<\/errorMessage>/i.exec(body);
  if (xml) return xml[1].trim();
  const json = /"errorMessage"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(body);
  if (json) return json[1];
  const text = body.trim();
  return text ? text.slice(0, 300) : null;
}
