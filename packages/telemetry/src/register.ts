/**
 * `import '@shelfmark/telemetry/register'` as the first line of a process entry (or
 * `node -r @shelfmark/telemetry/register`): starts tracing when the OTEL_* variables ask for it,
 * before kafkajs, the MongoDB driver and http are loaded, so their instrumentations apply.
 */
import { startTelemetryFromEnv } from './index';

startTelemetryFromEnv();
