import { kafkaBrokersFromEnv } from '@shelfmark/local-servers';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { Logger } from '../../src';
import { KafkaEventBus, type KafkaEventBusOptions } from '../../src/kafka';
import { contractRetryPolicy } from '../busContract';

/** One line a bus logged, kept so a test can assert on what went wrong (or that nothing did). */
export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly msg: string | undefined;
  readonly obj: object;
}

/** A logger that keeps what it is told; `SHELFMARK_TEST_LOG=1` also prints warnings and errors. */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = [];
  private readonly echo = process.env.SHELFMARK_TEST_LOG === '1';

  debug(obj: object, msg?: string): void {
    this.lines.push({ level: 'debug', msg, obj });
  }
  info(obj: object, msg?: string): void {
    this.lines.push({ level: 'info', msg, obj });
  }
  warn(obj: object, msg?: string): void {
    this.record('warn', obj, msg);
  }
  error(obj: object, msg?: string): void {
    this.record('error', obj, msg);
  }

  private record(level: 'warn' | 'error', obj: object, msg?: string): void {
    this.lines.push({ level, msg, obj });
    if (this.echo) process.stderr.write(`${level}: ${msg ?? ''} ${JSON.stringify(obj)}\n`);
  }
}

/**
 * A KafkaEventBus on the broker the jest "kafka" project started, tuned for tests: short fetch
 * waits (so close() is quick), the broker's shortest session timeout, the contract retry policy.
 */
export function aKafkaBus(options: Partial<KafkaEventBusOptions> = {}): KafkaEventBus {
  return new KafkaEventBus({
    brokers: kafkaBrokersFromEnv(),
    clientId: 'shelfmark-events-test',
    sessionTimeoutMs: 6_000,
    heartbeatIntervalMs: 500,
    fetchMaxWaitMs: 100,
    retry: contractRetryPolicy,
    ...options,
  });
}

/** An admin client of the test broker, to look at groups and offsets as an operator would. */
export function aKafkaAdmin(clientId = 'shelfmark-events-test-admin'): Admin {
  return new Kafka({ clientId, brokers: kafkaBrokersFromEnv(), logLevel: logLevel.NOTHING }).admin();
}
