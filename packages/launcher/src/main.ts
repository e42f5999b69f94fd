// First: tracing (when OTEL_* asks for it) must patch http, kafkajs and mongodb before they load.
import '@shelfmark/telemetry/register';
import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfig } from './config';
import { DEMO_ACCOUNTS_FILE, openDemo, seedIfNeeded, withDemoLibrarian, type Demo } from './demo';
import { onShutdown } from './shutdown';
import { startEmbedded } from './startEmbedded';
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

  console.log(`\nShelfmark is running (${Date.now() - started} ms): ${shelfmark.url}`);
  if (web) console.log(`  The app:        ${new URL('/', shelfmark.url).href}`);
  if (config.playground) console.log(`  The playground: ${shelfmark.url} (open it in a browser)`);
  if (demo) printSignIns(demo, config.dataDir);
  // Where mail to readers goes; never the SMTP URL itself, which may hold a password.
  const mail = shelfmark.notifications.mailFolder
    ? `as .eml files in ${shelfmark.notifications.mailFolder}`
    : 'over SMTP (SMTP_URL)';
  console.log(`Mail to readers goes ${mail}.`);
  console.log(`Data lives in ${config.dataDir}. Press Ctrl-C to stop.\n`);
  if (!config.admin) {
    console.log(
      'No admin account configured: set SHELFMARK_ADMIN_EMAIL and SHELFMARK_ADMIN_PASSWORD to create one.\n',
    );
  }
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

function printSignIns({ accounts }: Demo, dataDir: string) {
  const [reader] = accounts.readers;
  console.log('Demo library: sign in as');
  console.log(`  librarian  ${accounts.librarian.email}  password ${accounts.librarian.password}`);
  if (reader) console.log(`  reader     ${reader.email}  password ${reader.password}`);
  console.log(
    `  (random passwords of this data folder, kept in ${join(dataDir, DEMO_ACCOUNTS_FILE)}; ` +
      'SHELFMARK_DEMO=false starts a new data folder empty)',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
