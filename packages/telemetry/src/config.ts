/**
 * When tracing is on, read from the standard OpenTelemetry variables only: an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, or its traces-only form) or an explicit `OTEL_TRACES_EXPORTER`
 * (`otlp`, `console`) turns it on; `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` keeps it
 * off. Unset, nothing is loaded: the embedded default pays nothing for tracing.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return false;
  const exporter = env['OTEL_TRACES_EXPORTER']?.trim().toLowerCase();
  if (exporter === 'none') return false;
  return Boolean(
    exporter ||
    env['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim() ||
    env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']?.trim(),
  );
}

/**
 * The `OTEL_*` variables a launcher passes on to a child process, with the child's own service
 * name (`start:cluster` names each process: `router`, `loans`, …, `notifications`). Empty when
 * tracing is not requested, so a child starts no SDK either.
 */
export function telemetryEnv(env: NodeJS.ProcessEnv, serviceName: string): Record<string, string> {
  if (!tracingRequested(env)) return {};
  const passed: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('OTEL_') && value !== undefined) passed[name] = value;
  }
  passed['OTEL_SERVICE_NAME'] = serviceName;
  return passed;
}
