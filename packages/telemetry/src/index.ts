import { tracingRequested } from './config';
import type * as Sdk from './sdk';
import type { TelemetryOptions } from './sdk';
import { current, setStarted } from './state';

export { telemetryEnv, tracingRequested } from './config';
export type { TelemetryOptions } from './sdk';

/**
 * Starts OpenTelemetry tracing in this process (once). The SDK is loaded only here, so a process
 * that never calls it (tracing not requested) loads none of it.
 */
export function startTelemetry(options: TelemetryOptions = {}): void {
  if (current()) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./sdk') as typeof Sdk;
  setStarted(startSdk(options));
}

/** Starts tracing when the OTEL_* variables ask for it ({@link tracingRequested}); else nothing. */
export function startTelemetryFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!tracingRequested(env)) return false;
  startTelemetry({ env });
  return true;
}

/** Exports the spans still buffered. Resolves at once when tracing is off. */
export async function flushTelemetry(): Promise<void> {
  await current()?.forceFlush();
}

/**
 * Flushes and stops tracing: the last step of a graceful shutdown (after the bus has closed, so
 * the spans of the last events handled go out). Idempotent; free when tracing is off.
 */
export async function shutdownTelemetry(): Promise<void> {
  const started = current();
  setStarted(undefined);
  await started?.shutdown();
}
