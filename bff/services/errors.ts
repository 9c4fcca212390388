// Errors the services raise; routes turn them into HTTP answers, GraphQL into BookResult.
import type { Callback, Violation } from '../../domain/types.ts';

export class ValidationFailed extends Error {
  readonly status = 422;
  constructor(readonly violations: Violation[]) {
    super(violations.map((v) => v.code).join(', '));
  }
}

export class DuplicateCallback extends Error {
  readonly status = 409;
  /** `owner`: whom to ask (the booking agent), for callers who may not read `existing`. */
  constructor(readonly existing: Callback, readonly owner: { agentId: string; name: string | null; teamName: string | null } | null = null) {
    super(`an active callback for this number and campaign exists (id ${existing.id})`);
  }
}

export class NotFound extends Error {
  readonly status = 404;
  constructor(what = 'callback') {
    super(`${what} not found`);
  }
}

/** The callback is in a state that does not allow the operation (e.g. reschedule while dialling). */
export class InvalidState extends Error {
  readonly status = 409;
  constructor(readonly state: string, operation: string) {
    super(`cannot ${operation} a callback that is ${state}`);
  }
}

export class Forbidden extends Error {
  readonly status = 403;
}

/** The request is malformed in a way the schema cannot tell (e.g. an unreadable date-time). */
export class BadRequest extends Error {
  readonly status = 400;
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Configuration the admin API refuses: each problem names its field (domain/config-checks.ts). */
export class ConfigInvalid extends Error {
  readonly status = 422;
  constructor(readonly errors: ReadonlyArray<{ field: string; code: string; message: string }>) {
    super(errors.map((e) => `${e.field}: ${e.code}`).join(', '));
  }
}

/** Something still uses what is to be deleted (active callbacks, a calendar referenced by a skill). */
export class InUse extends Error {
  readonly status = 409;
  constructor(readonly errors: ReadonlyArray<{ field: string; code: string; message: string }>) {
    super(errors.map((e) => e.message).join('; '));
  }
}
