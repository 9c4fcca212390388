// The Fastify logger's options: phone numbers never reach the log in full. Request URLs (query
// strings such as ?phone=…) and known fields are masked to their last 3 digits; secrets redacted.
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

/** A run of 7+ digits, optionally with +, spaces, dots, dashes or brackets between (what a phone number looks like). */
const PHONE_LIKE = /\+?\d(?:[\s().-]{0,2}\d){6,}/g;
const PHONE_ENCODED = /(?:%2B|\+)?\d(?:(?:%20|\+|[().-]){0,2}\d){6,}/gi;

/** Every phone-like run with all digits but the last 3 replaced by "*". */
export function maskPhones(text: string): string {
  // Percent escapes (%2B, %20) are separators, not digits of the number.
  const mask = (run: string) => {
    if (/^\d{4}-\d{2}-\d{2}/.test(run)) return run; // a date, not a number
    let keep = 3;
    const tokens = run.match(/%[0-9A-Fa-f]{2}|[\s\S]/g) ?? [];
    return tokens.reverse().map((c) => (/^\d$/.test(c) ? (keep-- > 0 ? c : '*') : c)).reverse().join('');
  };
  return text.replace(PHONE_ENCODED, mask).replace(PHONE_LIKE, mask);
}

/** Fields whose values are phone numbers wherever they appear in a logged object. */
const PHONE_FIELDS = ['phone', 'phoneE164', 'dialString', 'phone1', 'callerNumber', 'customerNumber'];

/** pino `redact` censor for phone fields: masked, not removed, so the log still tells calls apart. */
const censor = (value: unknown) => (typeof value === 'string' ? maskPhones(value) : value);

export function loggerOptions(level: string): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string; hostname?: string; ip?: string }) => ({ method: req.method, url: maskPhones(req.url), hostname: req.hostname, remoteAddress: req.ip }),
    },
    redact: {
      paths: [
        'req.headers.authorization',
        ...PHONE_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
      ],
      censor: (value: unknown, path: string[]) => (path.includes('authorization') ? '[redacted]' : censor(value)),
    },
  };
}

/**
 * One access-log line per request, written when it completes ("request completed": method, masked
 * URL, status, time), instead of Fastify's two: the "incoming request" line before it cost every
 * booking another synchronous write and redaction pass. Errors are logged as Fastify logs them.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
