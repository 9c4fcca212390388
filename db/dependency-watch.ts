// Failures nobody sees are what this prevents: every call to UCCX, Finesse or db_cra that fails is
// logged and counted in the database (dependency_status/dependency_failures, migration 0014), so
// /readyz and /metrics of every instance report it, whichever thread or instance saw it.
import type { Db } from './index.ts';
import { recordDependencyFailure, recordDependencySuccess, type Dependency } from './queries/dependency-status.ts';

export interface WatchLog {
  error(details: object, message?: string): void;
}

/** A short, label-safe cause: http_401, timeout, unreachable, econnrefused, error. */
export function failureCause(err: unknown): string {
  const e = err as { kind?: string; status?: number | null; code?: unknown };
  if (e?.kind === 'http' && e.status) return `http_${e.status}`;
  if (e?.kind === 'timeout' || e?.kind === 'unreachable') return e.kind;
  if (typeof e?.code === 'string' && /^[A-Z0-9_]{2,30}$/.test(e.code)) return e.code.toLowerCase();
  return 'error';
}

export interface DependencyWatch {
  success(): void;
  failure(err: unknown, cause?: string): void;
}

/**
 * Records outcomes of one dependency. Failures are always written and logged; successes at most
 * every `successEveryMs` (they are frequent and only their latest time matters).
 */
export function dependencyWatch(db: Db, name: Dependency, log: WatchLog, opts: { successEveryMs?: number; now?: () => Date } = {}): DependencyWatch {
  const now = opts.now ?? (() => new Date());
  let lastSuccessWrite = 0;
  let failedSinceWrite = false;
  const write = (p: Promise<void>) => p.catch((e: unknown) => log.error({ dependency: name, error: String((e as Error)?.message ?? e) }, 'cannot record dependency status'));
  return {
    success() {
      const at = now();
      if (!failedSinceWrite && at.getTime() - lastSuccessWrite < (opts.successEveryMs ?? 10_000)) return;
      lastSuccessWrite = at.getTime();
      failedSinceWrite = false;
      void write(recordDependencySuccess(db, name, at));
    },
    failure(err, cause = failureCause(err)) {
      failedSinceWrite = true;
      log.error({ dependency: name, cause, error: String((err as Error)?.message ?? err) }, `${name} call failed`);
      void write(recordDependencyFailure(db, name, cause, now()));
    },
  };
}

/** The same object whose async methods report their outcome to `watch` (a cancelled call reports nothing). */
export function watched<T extends object>(target: T, watch: DependencyWatch): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function' || prop === 'close' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        const result = value.apply(obj, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (v) => (watch.success(), v),
          (err) => {
            if ((err as Error)?.name !== 'AbortError') watch.failure(err);
            throw err;
          },
        );
      };
    },
  });
}
