// Failed logins counted per user and per address in a fixed window, in bounded LRU maps: once a
// key is over its limit the caller gets 429 and Finesse is not asked again, so a password flood
// neither grows memory nor locks the agent out in Finesse. (@fastify/rate-limit counts every
// request; only failures must count here, so a bounded counter is the smaller tool.)
import { LRUCache } from 'lru-cache';

export interface LoginLimits {
  failuresPerUser: number;
  failuresPerAddress: number;
  windowSeconds: number;
  /** Keys remembered at most (per kind); the oldest go first. */
  maxKeys?: number;
}

export class TooManyFailedLogins extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many failed logins');
  }
}

interface Window {
  count: number;
  resetAt: number;
}

export class LoginLimiter {
  private readonly users: LRUCache<string, Window>;
  private readonly addresses: LRUCache<string, Window>;

  constructor(
    private readonly limits: LoginLimits,
    private readonly clock: () => number = Date.now,
  ) {
    const options = { max: limits.maxKeys ?? 10_000, ttl: limits.windowSeconds * 1000, ttlAutopurge: false };
    this.users = new LRUCache<string, Window>(options);
    this.addresses = new LRUCache<string, Window>(options);
  }

  /** Throws TooManyFailedLogins when the user or the address has used up its failures. */
  check(userId: string | null, address: string | null): void {
    const waits = [this.wait(this.users, userId, this.limits.failuresPerUser), this.wait(this.addresses, address, this.limits.failuresPerAddress)];
    const retryAfter = Math.max(...waits);
    if (retryAfter > 0) throw new TooManyFailedLogins(retryAfter);
  }

  fail(userId: string | null, address: string | null): void {
    this.count(this.users, userId);
    this.count(this.addresses, address);
  }

  get size(): number {
    return this.users.size + this.addresses.size;
  }

  private wait(map: LRUCache<string, Window>, key: string | null, limit: number): number {
    const w = key ? map.get(key) : undefined;
    const left = w ? w.resetAt - this.clock() : 0;
    if (!w || left <= 0 || w.count < limit) return 0;
    return Math.max(1, Math.ceil(left / 1000));
  }

  private count(map: LRUCache<string, Window>, key: string | null): void {
    if (!key) return;
    const now = this.clock();
    const w = map.get(key);
    if (w && w.resetAt > now) w.count += 1;
    else map.set(key, { count: 1, resetAt: now + this.limits.windowSeconds * 1000 });
  }
}
