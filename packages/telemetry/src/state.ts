/** The running tracer provider of this process, if {@link startTelemetry} started one. */
export interface StartedTelemetry {
  shutdown(): Promise<void>;
  forceFlush(): Promise<void>;
}

let started: StartedTelemetry | undefined;

export function setStarted(telemetry: StartedTelemetry | undefined): void {
  started = telemetry;
}

export function current(): StartedTelemetry | undefined {
  return started;
}
