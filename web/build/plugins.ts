import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes a `.br` and a `.gz` beside every compressible file of the build, at the strongest
 * settings: compressed once here, the router sends them as they are (no compression per request,
 * and no compression library in the router).
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'shelfmark:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (!COMPRESSIBLE.test(output.fileName)) continue;
        const body = Buffer.from(output.type === 'chunk' ? output.code : output.source);
        const path = join(outDir, output.fileName);
        writeFileSync(`${path}.br`, brotli(body));
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * Prints what the first page costs: the JavaScript a browser fetches to show `homePage` (the
 * entry, what it imports, and the home route's chunk with its imports), compressed as served.
 */
export function firstPageReport(homePage: string): Plugin {
  return {
    name: 'shelfmark:first-page-report',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [[output.fileName, output]] : [],
        ),
      );
      const loaded = new Set<string>();
      const load = (fileName: string) => {
        if (loaded.has(fileName)) return;
        loaded.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) load(imported);
      };
      for (const chunk of chunks.values()) {
        if (chunk.isEntry || chunk.facadeModuleId?.endsWith(homePage)) load(chunk.fileName);
      }
      let raw = 0;
      let br = 0;
      let gz = 0;
      for (const fileName of loaded) {
        const code = Buffer.from(chunks.get(fileName)?.code ?? '');
        raw += code.length;
        br += brotli(code).length;
        gz += gzipSync(code, { level: 9 }).length;
      }
      const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
      this.info(
        `first page JavaScript (${loaded.size} files): ${kB(br)} brotli, ${kB(gz)} gzip, ${kB(raw)} uncompressed`,
      );
    },
  };
}

function brotli(body: Buffer): Buffer {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}
