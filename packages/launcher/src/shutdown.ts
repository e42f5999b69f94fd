import { shutdownTelemetry } from '@shelfmark/telemetry';

/** How long a stopping process may take before it exits regardless (Kubernetes gives 30 s by default). */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/** `SHELFMARK_SHUTDOWN_TIMEOUT_MS`: whole milliseconds, at least 1000; unset or empty: the default. */
export function shutdownTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env['SHELFMARK_SHUTDOWN_TIMEOUT_MS']?.trim();
  if (!raw) return DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1000) {
    throw new Error(
      `SHELFMARK_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds, at least 1000 (got ${raw})`,
    );
  }
  return value;
}

export interface ShutdownOptions {
  /** Past this, the process exits with code 1 whatever is still running (default 25 s). */
  readonly timeoutMs?: number;
}

/**
 * On the first SIGINT/SIGTERM: say so, stop (each process stops taking work first, finishes what
 * it holds, commits its offsets), flush the traces, then exit 0 — or 1 if stopping failed or took
 * longer than the grace period. Later signals while stopping are ignored.
 */
export function onShutdown(
  stop: () => Promise<void>,
  say: (message: string, error?: unknown) => void,
  options: ShutdownOptions = {},
): void {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: stopping (at most ${timeoutMs} ms)…`);
    const overdue = setTimeout(() => {
      say(`did not stop within ${timeoutMs} ms: exiting`);
      process.exit(1);
    }, timeoutMs);
    overdue.unref();
    const exit = (code: number) =>
      // The traces of the shutdown itself go out last; a collector that is away costs no more
      // than the grace period.
      flushTraces(say).finally(() => process.exit(code));
    stop().then(
      () => exit(0),
      (error: unknown) => {
        say('did not stop cleanly', error);
        return exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}

/** The shutdown hook of @shelfmark/telemetry: flushes and stops tracing (nothing when it is off). */
async function flushTraces(say: (message: string, error?: unknown) => void): Promise<void> {
  await shutdownTelemetry().catch((error: unknown) => say('could not flush traces', error));
}
