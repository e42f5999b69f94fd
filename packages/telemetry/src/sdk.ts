import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { IncomingMessage } from 'node:http';
import type { StartedTelemetry } from './state';

export interface TelemetryOptions {
  /** Defaults to OTEL_SERVICE_NAME, else `shelfmark`. */
  readonly serviceName?: string;
  /**
   * Where spans go. Defaults to what OTEL_TRACES_EXPORTER names: `otlp` (OTLP over HTTP, to
   * OTEL_EXPORTER_OTLP_ENDPOINT) or `console`. Tests pass an InMemorySpanExporter, exported at once.
   */
  readonly exporter?: SpanExporter;
  readonly env?: NodeJS.ProcessEnv;
}

/** Probes and scrapes are not traced: they would bury the requests in noise. */
const UNTRACED_PATHS = /^\/(healthz|readyz|metrics)(\?|$)/;

/**
 * Starts the tracer provider and the instrumentations (HTTP server and client, undici's fetch,
 * kafkajs, the MongoDB driver). Must run before those modules are loaded: instrumentations patch
 * them when they are required (`import '@shelfmark/telemetry/register'` first in a process entry).
 */
export function startSdk(options: TelemetryOptions = {}): StartedTelemetry {
  const env = options.env ?? process.env;
  const serviceName = options.serviceName ?? (env['OTEL_SERVICE_NAME']?.trim() || 'shelfmark');
  const exporter = options.exporter ?? exporterFromEnv(env);
  const provider = new NodeTracerProvider({
    // OTEL_RESOURCE_ATTRIBUTES and the sampler (OTEL_TRACES_SAMPLER, _ARG) are read by the SDK.
    resource: resourceFromAttributes({ 'service.name': serviceName, 'service.namespace': 'shelfmark' }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  // The W3C trace-context propagator and the AsyncLocalStorage context manager.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.test(request.url ?? ''),
        // Outgoing calls outside any trace (the launcher's readiness polls) start none.
        requireParentforOutgoingSpans: true,
      }),
      new UndiciInstrumentation({
        requireParentforSpans: true,
        // The router and PeerClient forward the caller's traceparent themselves, for when tracing
        // is off; with it on, the client span's context replaces it (two headers would not parse).
        requestHook: (_span, request) => dropTraceHeaders(request),
      }),
      new KafkaJsInstrumentation(),
      // The relay's polls and the jobs' reads outside a request are not traced on their own.
      new MongoDBInstrumentation({ requireParentSpan: true }),
    ],
  });
  return {
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      unregister();
      await provider.shutdown();
    },
  };
}

function exporterFromEnv(env: NodeJS.ProcessEnv): SpanExporter {
  const name = env['OTEL_TRACES_EXPORTER']?.split(',')[0]?.trim().toLowerCase() || 'otlp';
  if (name === 'console') return new ConsoleSpanExporter();
  if (name !== 'otlp') {
    // Refused at start-up like any wrong setting, rather than losing every span in silence.
    throw new Error(`OTEL_TRACES_EXPORTER=${name} is not supported here: use otlp, console or none`);
  }
  // Reads OTEL_EXPORTER_OTLP_ENDPOINT (…/v1/traces appended), _TRACES_ENDPOINT, _HEADERS, _TIMEOUT.
  return new OTLPTraceExporter();
}

/** Removes `traceparent`/`tracestate` already on an undici request (array or string headers). */
export function dropTraceHeaders(request: { headers?: unknown }): void {
  const isTrace = (name: unknown) =>
    typeof name === 'string' && /^(traceparent|tracestate)$/i.test(name.trim());
  if (Array.isArray(request.headers)) {
    const headers = request.headers as unknown[];
    for (let i = headers.length - 2; i >= 0; i -= 2) if (isTrace(headers[i])) headers.splice(i, 2);
  } else if (typeof request.headers === 'string') {
    request.headers = request.headers
      .split('\r\n')
      .filter((line) => !isTrace(line.slice(0, line.indexOf(':'))))
      .join('\r\n');
  }
}
