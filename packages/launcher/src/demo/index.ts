import { SUBGRAPH_NAMES } from '@shelfmark/schema';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedConfig } from '../config';
import { createDemoAccounts, readDemoAccounts, type DemoAccounts } from './accounts';
import { DEMO_SEEDED_MARKER, seedDemo, type SeedOptions, type SeedReport } from './seed';

export { DEMO_ACCOUNTS_FILE, readDemoAccounts, type DemoAccount, type DemoAccounts } from './accounts';
export { DEMO_BOOKS, type DemoBook } from './books';
export { DEMO_COMMENTS, DEMO_LIBRARIAN_EMAIL, DEMO_READERS } from './plan';
export { DEMO_SEEDED_MARKER, type SeedOptions, type SeedReport, type SeedStep } from './seed';

/** A data folder's demo library: its sign-ins, and whether it is complete. */
export interface Demo {
  readonly accounts: DemoAccounts;
  /** True once the seed finished (the marker is there): nothing is added again. */
  readonly seeded: boolean;
}

/**
 * The demo library of this data folder, deciding before anything starts (SHELFMARK_DEMO is on):
 * - seeded before (the marker): its sign-ins, to print;
 * - begun but not finished (its accounts file, no marker: a crash or Ctrl-C mid-seed): resume;
 * - an empty folder (no subgraph database yet): new accounts with random passwords, to seed;
 * - a folder that already holds a library the demo did not make: undefined, never touched.
 */
export function openDemo(dataDir: string): Demo | undefined {
  const accounts = readDemoAccounts(dataDir);
  if (accounts) return { accounts, seeded: existsSync(join(dataDir, DEMO_SEEDED_MARKER)) };
  const holdsALibrary = SUBGRAPH_NAMES.some((name) => existsSync(join(dataDir, `${name}.sqlite`)));
  if (holdsALibrary) return undefined;
  return { accounts: createDemoAccounts(dataDir), seeded: false };
}

/** The configuration with the demo librarian created at start-up (members, like the admin). */
export function withDemoLibrarian(config: EmbeddedConfig, demo: Demo): EmbeddedConfig {
  const { email, password } = demo.accounts.librarian;
  const members = { ...config.settings.members, librarian: { email, password } };
  return { ...config, settings: { ...config.settings, members } };
}

/** Seeds the demo unless it is complete; what this run added, or undefined when nothing was to do. */
export async function seedIfNeeded(
  url: string,
  dataDir: string,
  demo: Demo,
  options?: SeedOptions,
): Promise<SeedReport | undefined> {
  return demo.seeded ? undefined : seedDemo(url, dataDir, demo.accounts, options);
}
