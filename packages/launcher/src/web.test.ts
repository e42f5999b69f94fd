import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webBuildState } from './web';

describe('whether npm start builds the web app first', () => {
  let web: string;
  /** Sets a file's modification time, seconds after an arbitrary moment. */
  const touch = (path: string, second: number) => {
    writeFileSync(path, 'x');
    utimesSync(path, 1_700_000_000 + second, 1_700_000_000 + second);
  };

  beforeEach(() => {
    web = mkdtempSync(join(tmpdir(), 'shelfmark-web-state-'));
    mkdirSync(join(web, 'src', 'pages'), { recursive: true });
    touch(join(web, 'index.html'), 0);
    touch(join(web, 'src', 'pages', 'BookPage.vue'), 0);
    utimesSync(join(web, 'src', 'pages'), 1_700_000_000, 1_700_000_000);
    utimesSync(join(web, 'src'), 1_700_000_000, 1_700_000_000);
  });
  afterEach(() => rmSync(web, { recursive: true, force: true }));

  const build = (second: number) => {
    mkdirSync(join(web, 'dist'), { recursive: true });
    touch(join(web, 'dist', 'index.html'), second);
  };

  it('builds when there is no build', () => {
    expect(webBuildState(web)).toBe('missing');
  });

  it('serves a build newer than every source', () => {
    build(10);
    expect(webBuildState(web)).toBe('fresh');
  });

  it('builds again when a source deep in src changed after the build', () => {
    build(10);
    touch(join(web, 'src', 'pages', 'BookPage.vue'), 20);
    expect(webBuildState(web)).toBe('stale');
  });

  it('builds again when a source was added or removed (the folder changed)', () => {
    build(10);
    utimesSync(join(web, 'src', 'pages'), 1_700_000_030, 1_700_000_030);
    expect(webBuildState(web)).toBe('stale');
  });

  it('serves a build shipped without its sources (an image), and says when there is neither', () => {
    rmSync(join(web, 'src'), { recursive: true });
    expect(webBuildState(web)).toBe('no-sources');
    build(10);
    expect(webBuildState(web)).toBe('fresh');
  });
});
