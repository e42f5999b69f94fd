import 'reflect-metadata';
import { loadConfig } from './config';
import { onShutdown } from './shutdown';
import { startEmbedded } from './startEmbedded';
import { prepareWebApp } from './web';

/** `npm start`: the whole library in one process, on embedded defaults. */
async function main() {
  const config = loadConfig(process.env);
  // Built first when web/dist is missing or older than web/src: the one command serves the app.
  const web = await prepareWebApp((line) => console.log(line));
  const started = Date.now();
  const shelfmark = await startEmbedded(config, web ? { web } : {});
  console.log(`\nShelfmark is running (${Date.now() - started} ms): ${shelfmark.url}`);
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

  onShutdown(
    () => shelfmark.close(),
    (message, error) => (error ? console.error(message, error) : console.log(`\n${message}`)),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
