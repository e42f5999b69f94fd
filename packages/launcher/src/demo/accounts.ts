import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEMO_LIBRARIAN_EMAIL, DEMO_READERS } from './plan';

/** Where a data folder keeps its demo accounts' passwords (generated on its first start). */
export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

const account = z.object({ name: z.string(), email: z.string(), password: z.string().min(8) });
const accountsSchema = z.object({ librarian: account, readers: z.array(account).min(1) });

export type DemoAccount = z.infer<typeof account>;

/** The demo's sign-ins; `readers[0]` is the demo reader. */
export type DemoAccounts = z.infer<typeof accountsSchema>;

/** The demo accounts of this data folder; undefined when it has none. */
export function readDemoAccounts(dataDir: string): DemoAccounts | undefined {
  const path = join(dataDir, DEMO_ACCOUNTS_FILE);
  if (!existsSync(path)) return undefined;
  const parsed = accountsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path} is not a demo accounts file (delete it, or the data folder, to start afresh).`);
  }
  return parsed.data;
}

/**
 * New demo accounts with a random password each, written to the data folder (readable by its
 * owner only) before any is created: no password ships with Shelfmark, and a restart, or a seed
 * resumed after a crash, signs in with the same ones.
 */
export function createDemoAccounts(dataDir: string): DemoAccounts {
  const accounts: DemoAccounts = {
    librarian: { name: 'Librarian', email: DEMO_LIBRARIAN_EMAIL, password: demoPassword() },
    readers: DEMO_READERS.map(({ name, email }) => ({ name, email, password: demoPassword() })),
  };
  mkdirSync(dataDir, { recursive: true });
  // `wx`: never replaces a file that is there (it holds the passwords the accounts were made with).
  writeFileSync(join(dataDir, DEMO_ACCOUNTS_FILE), `${JSON.stringify(accounts, null, 2)}\n`, {
    flag: 'wx',
    mode: 0o600,
  });
  return accounts;
}

/** Letters and digits nobody confuses when reading them off a terminal (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Three groups of four, e.g. `k7qm-x92a-trd4`: about 59 random bits, easy to type. */
export function demoPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group()].join('-');
}
