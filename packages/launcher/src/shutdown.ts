/**
 * On the first SIGINT/SIGTERM: say so, stop (in-flight work finishes), then exit 0 — or 1 if
 * stopping failed. Later signals while stopping are ignored.
 */
export function onShutdown(stop: () => Promise<void>, say: (message: string, error?: unknown) => void): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: stopping…`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        say('did not stop cleanly', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
