import { createHash } from 'node:crypto';
import {
  RateLimiterMemory,
  RateLimiterMongo,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { LoginAttempts } from '../../application/login/LoginAttempts';
import { TooManyLoginAttempts } from '../../domain';

/** How many failed sign-ins are allowed, and for how long they are remembered. */
export interface LoginLimits {
  /** Consecutive failures for one e-mail from one address before both are throttled. */
  readonly failuresPerAccountAndAddress: number;
  /** Failures from one address, whatever the e-mails, before the address is throttled. */
  readonly failuresPerAddress: number;
  /** How long failures are counted, and how long a throttle lasts once reached, in seconds. */
  readonly windowSeconds: number;
}

/** Where the counters live: this process (embedded), or MongoDB, shared by every members process. */
export type LoginLimiterStore =
  | { readonly kind: 'memory' }
  | { readonly kind: 'mongodb'; readonly client: unknown; readonly dbName: string };

/**
 * rate-limiter-flexible's "login endpoint protection": consecutive failures per (e-mail, address)
 * plus failures per address. Keys hold a hash of the e-mail, never the address itself in clear.
 */
export class RateLimitedLoginAttempts implements LoginAttempts {
  private constructor(
    private readonly byAccountAndAddress: RateLimiterAbstract,
    private readonly byAddress: RateLimiterAbstract,
  ) {}

  static async open(limits: LoginLimits, store: LoginLimiterStore): Promise<RateLimitedLoginAttempts> {
    const limiter = async (keyPrefix: string, points: number): Promise<RateLimiterAbstract> => {
      const options = {
        keyPrefix,
        points,
        duration: limits.windowSeconds,
        blockDuration: limits.windowSeconds,
      };
      if (store.kind === 'memory') return new RateLimiterMemory(options);
      const mongo = new RateLimiterMongo({
        ...options,
        storeClient: store.client,
        dbName: store.dbName,
        tableName: 'login_throttle',
        // Created here, awaited, before members serves (not in the background).
        disableIndexesCreation: true,
      });
      await (mongo as unknown as { createIndexes(): Promise<void> }).createIndexes();
      return mongo;
    };
    return new RateLimitedLoginAttempts(
      await limiter('login_fail_account_address', limits.failuresPerAccountAndAddress),
      await limiter('login_fail_address', limits.failuresPerAddress),
    );
  }

  async check(email: string, address: string): Promise<void> {
    const [pair, fromAddress] = await Promise.all([
      this.byAccountAndAddress.get(pairKey(email, address)),
      this.byAddress.get(address),
    ]);
    const waits = [
      throttledFor(pair, this.byAccountAndAddress.points),
      throttledFor(fromAddress, this.byAddress.points),
    ].filter((ms): ms is number => ms !== null);
    if (waits.length > 0) throw new TooManyLoginAttempts(seconds(Math.max(...waits)));
  }

  async failed(email: string, address: string): Promise<void> {
    const [pair, fromAddress] = await Promise.all([
      consumed(this.byAccountAndAddress, pairKey(email, address)),
      consumed(this.byAddress, address),
    ]);
    const waits = [
      throttledFor(pair, this.byAccountAndAddress.points),
      throttledFor(fromAddress, this.byAddress.points),
    ].filter((ms): ms is number => ms !== null);
    if (waits.length > 0) throw new TooManyLoginAttempts(seconds(Math.max(...waits)));
  }

  async succeeded(email: string, address: string): Promise<void> {
    await this.byAccountAndAddress.delete(pairKey(email, address));
  }
}

function pairKey(email: string, address: string): string {
  return createHash('sha256').update(`${email}\n${address}`).digest('base64url');
}

/** Counts one failure; a limiter already past its points answers by rejecting with the same result. */
async function consumed(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (result) {
    if (result instanceof RateLimiterRes) return result;
    throw result;
  }
}

/** How long a key stays throttled (ms), or null while it is under its points. */
function throttledFor(result: RateLimiterRes | null, points: number): number | null {
  return result && result.consumedPoints >= points ? result.msBeforeNext : null;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
