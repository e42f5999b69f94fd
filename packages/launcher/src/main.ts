// First: tracing (when OTEL_* asks for it) must patch http, kafkajs and mongodb before they load.
import '@shelfmark/telemetry/register';
import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfig, type EmbeddedConfig } from './config';
import { DEMO_ACCOUNTS_FILE, openDemo, seedIfNeeded, withDemoLibrarian, type Demo } from './demo';
import { onShutdown } from './shutdown';
import { startEmbedded, type EmbeddedShelfmark } from './startEmbedded';
import { prepareWebApp } from './web';

/** `npm start`: the whole library in one process, on embedded defaults. */
async function main() {
  const config = loadConfig(process.env);
  // Built first when web/dist is missing or older than web/src: the one command serves the app.
  const web = await prepareWebApp((line) => console.log(line));
  const started = Date.now();
  // Decided before the subgraphs create their databases: only an empty data folder gets the demo.
  const demo = config.demo ? openDemo(config.dataDir) : undefined;
  const shelfmark = await startEmbedded(
    demo && !demo.seeded ? withDemoLibrarian(config, demo) : config,
    web ? { web } : {},
  );
  onShutdown(
    () => shelfmark.close(),
    (message, error) => (error ? console.error(message, error) : console.log(`\n${message}`)),
  );
  if (demo) await seed(shelfmark.url, config.dataDir, demo);

  console.log(banner(shelfmark, config, Date.now() - started, web !== undefined, demo).join('\n'));
}

/**
 * What `npm start` prints once the library is serving, written at once: a reader of the output (a
 * person, a script waiting for the endpoint) never sees the first line without the rest.
 */
function banner(
  shelfmark: EmbeddedShelfmark,
  config: EmbeddedConfig,
  tookMs: number,
  servesWebApp: boolean,
  demo: Demo | undefined,
): string[] {
  // Where mail to readers goes; never the SMTP URL itself, which may hold a password.
  const mail = shelfmark.notifications.mailFolder
    ? `as .eml files in ${shelfmark.notifications.mailFolder}`
    : 'over SMTP (SMTP_URL)';
  return [
    '',
    `Shelfmark is running (${tookMs} ms): ${shelfmark.url}`,
    ...(servesWebApp ? [`  The app:        ${new URL('/', shelfmark.url).href}`] : []),
    ...(config.playground ? [`  The playground: ${shelfmark.url} (open it in a browser)`] : []),
    ...(demo ? signIns(demo, config.dataDir) : []),
    `Mail to readers goes ${mail}.`,
    `Data lives in ${config.dataDir}. Press Ctrl-C to stop.`,
    '',
    ...(config.admin
      ? []
      : [
          'No admin account configured: set SHELFMARK_ADMIN_EMAIL and SHELFMARK_ADMIN_PASSWORD to create one.',
          '',
        ]),
  ];
}

/**
 * Seeds the demo library through the router, once. A failure leaves the library running: the next
 * start finishes what is missing.
 */
async function seed(url: string, dataDir: string, demo: Demo) {
  if (demo.seeded) return;
  console.log('\nFirst start of this data folder: adding the demo library through the API…');
  const began = Date.now();
  try {
    const added = await seedIfNeeded(url, dataDir, demo);
    if (added) {
      console.log(
        `Demo library ready (${Date.now() - began} ms): added ${added.books} books, ${added.copies} copies, ` +
          `${added.loans} past loans and ${added.comments} comments.`,
      );
    }
  } catch (error) {
    console.error(
      `The demo library could not be finished (${error instanceof Error ? error.message : String(error)}); ` +
        'the next start finishes it.',
    );
  }
}

function signIns({ accounts }: Demo, dataDir: string): string[] {
  const [reader] = accounts.readers;
  return [
    'Demo library: sign in as',
    `  librarian  ${accounts.librarian.email}  password ${accounts.librarian.password}`,
    ...(reader ? [`  reader     ${reader.email}  password ${reader.password}`] : []),
    `  (random passwords of this data folder, kept in ${join(dataDir, DEMO_ACCOUNTS_FILE)}; ` +
      'SHELFMARK_DEMO=false starts a new data folder empty)',
  ];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
