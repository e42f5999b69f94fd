import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from '../Logger';

/**
 * Warnings KafkaJS repeats for choices made here on purpose (docs/adr/0007-kafka.md); they are
 * logged at debug level rather than on every start.
 */
const EXPECTED_WARNINGS = [
  // Publication retries are bounded so that publish() rejects and the outbox keeps the events.
  'Limiting retries for the idempotent producer',
];

/**
 * KafkaJS's connection logs every error the broker answers a request with, at ERROR, before it
 * hands that error to the client that sent the request. The client decides what it means: it
 * retries (a group coordinator still loading, a partition leader moving), takes it as done (a
 * topic another process created first) or fails, and a failure reaches us as its own error —
 * a consumer's crash, a rejected `publish()`, a topic that cannot be created — logged where it
 * lands. On every healthy start of the cluster that echo was a dozen ERROR lines; it is debug.
 */
function isAnswerEcho(namespace: string, message: string): boolean {
  return namespace === 'Connection' && message.startsWith('Response ');
}

/**
 * Sends KafkaJS's own log through our {@link Logger} instead of its console logger. KafkaJS
 * logs routine lifecycle (joins, starts, stops) at INFO: that becomes debug here, so a healthy
 * process stays quiet; its warnings and errors (crashes, rebalances, lost brokers) stay as they are.
 */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _logger, ...details } = log;
      const entry = { kafkajs: namespace, ...(details as object) };
      switch (level) {
        case logLevel.ERROR:
          if (isAnswerEcho(namespace, message)) logger.debug(entry, message);
          else logger.error(entry, message);
          return;
        case logLevel.WARN:
          if (EXPECTED_WARNINGS.some((warning) => message.startsWith(warning))) logger.debug(entry, message);
          else logger.warn(entry, message);
          return;
        case logLevel.INFO:
        case logLevel.DEBUG:
        case logLevel.NOTHING:
          logger.debug(entry, message);
          return;
      }
    };
}
