import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { DEMO_ACCOUNTS_FILE, DEMO_LIBRARIAN_EMAIL, DEMO_SEEDED_MARKER, openDemo, withDemoLibrarian } from '.';
import { demoPassword } from './accounts';

/** Which data folders get the demo, decided before the subgraphs create their databases. */
describe('the demo of a data folder', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'shelfmark-demo-open-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is made for an empty folder: random passwords, kept readable by the owner only', () => {
    const demo = openDemo(dataDir);
    expect(demo?.seeded).toBe(false);
    expect(demo?.accounts.librarian.email).toBe(DEMO_LIBRARIAN_EMAIL);
    expect(demo?.accounts.readers[0]?.email).toBe('reader@example.org');
    const file = join(dataDir, DEMO_ACCOUNTS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(demo?.accounts);
    const passwords = [demo!.accounts.librarian, ...demo!.accounts.readers].map(({ password }) => password);
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('is the same accounts on the next start, to resume (no marker) or only to print (marker)', () => {
    const first = openDemo(dataDir)!;
    writeFileSync(join(dataDir, 'catalogue.sqlite'), '');
    expect(openDemo(dataDir)).toEqual({ accounts: first.accounts, seeded: false });
    writeFileSync(join(dataDir, DEMO_SEEDED_MARKER), '{}');
    expect(openDemo(dataDir)).toEqual({ accounts: first.accounts, seeded: true });
  });

  it('is never made for a folder that already holds a library', () => {
    writeFileSync(join(dataDir, 'members.sqlite'), '');
    expect(openDemo(dataDir)).toBeUndefined();
    expect(existsSync(join(dataDir, DEMO_ACCOUNTS_FILE))).toBe(false);
  });

  it('has members create the demo librarian at start-up, like the admin', () => {
    const demo = openDemo(dataDir)!;
    const config = withDemoLibrarian(loadConfig({ SHELFMARK_DATA_DIR: dataDir }), demo);
    expect(config.settings.members.librarian).toEqual({
      email: DEMO_LIBRARIAN_EMAIL,
      password: demo.accounts.librarian.password,
    });
  });

  it('makes passwords easy to type: three groups of four unambiguous characters', () => {
    expect(demoPassword()).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    expect(demoPassword()).not.toBe(demoPassword());
  });
});

/** SHELFMARK_DEMO: on unless production, which never seeds. */
describe('the demo setting', () => {
  it('is on for npm start outside production, off when SHELFMARK_DEMO=false', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SHELFMARK_DEMO: '' }).demo).toBe(true);
    expect(loadConfig({ SHELFMARK_DEMO: 'false' }).demo).toBe(false);
  });

  it('is off in production, and refused there when asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', SHELFMARK_DEMO: 'true' })).toThrow(
      /SHELFMARK_DEMO is refused when NODE_ENV=production/,
    );
  });
});
