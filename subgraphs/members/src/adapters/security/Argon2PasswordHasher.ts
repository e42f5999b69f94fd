import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import type { Password, PasswordHasher } from '../../domain';

/**
 * `Algorithm.Argon2id`, pinned. @node-rs/argon2 declares `Algorithm` as a `const enum` that its
 * native module does not export, so wherever code is transpiled file by file (swc: the tests and
 * `npm start`) `Algorithm.Argon2id` reads `undefined` at run time and the explicit choice would be
 * silently lost. The annotation ties the number to the enum member; a unit test proves the hashes
 * really are Argon2id.
 */
const ARGON2ID: Algorithm.Argon2id = 2;

/** OWASP's Argon2id baseline: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_OPTIONS: Readonly<Options> = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/**
 * The hash of a random string nobody knows, with exactly {@link ARGON2_OPTIONS}: logging in with an
 * unknown e-mail verifies against it, so it costs as much time as a wrong password does.
 */
const DECOY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$rou05z9+1a48BV0GcQeYgg$cjTG5pQNWh/rL0P9tGjSrCQ1eQRB1+W/GR63SV+o1yc';

export class Argon2PasswordHasher implements PasswordHasher {
  readonly decoy = DECOY_HASH;

  hash(password: Password): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(hashed: string, password: string): Promise<boolean> {
    try {
      return await verify(hashed, password);
    } catch {
      // A malformed stored hash matches no password.
      return false;
    }
  }
}
