import type { Consumer as KafkaConsumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Consumer } from '../consumer/Consumer';
import type { DeadLetterSink } from '../consumer/DeadLetter';
import { deliver, type RetryPolicy } from '../consumer/deliver';
import type { Logger } from '../Logger';
import { notifyLag } from '../telemetry';
import { fromMessage, nextOffset, type MessageSource } from './wire';

/** How long a batch may hold handled messages before their offsets are committed mid-batch. */
const COMMIT_INTERVAL_MS = 200;
/** Pause before a consumer that KafkaJS gave up on is started again. */
const RECOVERY_DELAY_MS = 1_000;
/** KafkaJS's retry of the fetch loop; once spent, the consumer "crashes" and restarts. */
const CONSUMER_RETRY = { retries: 8, initialRetryTime: 100, maxRetryTime: 5_000 };

export interface SubscriptionSettings {
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly fetchMaxWaitMs: number;
  readonly partitionsConsumedConcurrently: number;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
}

/** Where a new group starts on a partition it never committed on. */
export interface StartOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** What a subscription needs from its bus. */
export interface SubscriptionHost {
  readonly kafka: Kafka;
  readonly settings: SubscriptionSettings;
  /** Where a message that the consumer gives up on goes. */
  deadLettersFor(source: MessageSource, message: KafkaMessage): DeadLetterSink;
}

/**
 * One {@link Consumer} as a member of the Kafka consumer group named after it. Runs every
 * message through the shared {@link deliver} pipeline and commits a partition's offset only
 * past messages that pipeline finished with (handled or dead-lettered). Partitions are handled
 * concurrently, the messages of one partition one after another, in order.
 */
export class KafkaSubscription {
  private client: KafkaConsumer | undefined;
  private stopped = false;
  private recoveryTimer: NodeJS.Timeout | undefined;
  private abortStart: ((reason: Error) => void) | undefined;

  constructor(
    readonly consumer: Consumer,
    private readonly topics: readonly string[],
    private readonly host: SubscriptionHost,
  ) {}

  private get logger(): Logger {
    return this.host.settings.logger;
  }

  /**
   * Joins the group; resolves once this member has been given its share of the partitions and
   * the group's start on partitions it never committed on is committed.
   */
  start(startOffsets: readonly StartOffset[]): Promise<void> {
    return this.run(startOffsets);
  }

  /**
   * Leaves the group gracefully: no new fetch, the batch in flight stops after the message being
   * handled, its offsets are committed, then the member leaves and disconnects. Safe to call twice.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.recoveryTimer);
    this.abortStart?.(new Error(`The event bus was closed while ${this.consumer.name} was subscribing`));
    const client = this.client;
    this.client = undefined;
    try {
      await client?.disconnect();
    } catch (error) {
      this.logger.warn(
        { consumer: this.consumer.name, err: describe(error) },
        'consumer did not stop cleanly',
      );
    }
  }

  private async run(startOffsets: readonly StartOffset[] = []): Promise<void> {
    const { settings } = this.host;
    const client = this.host.kafka.consumer({
      groupId: this.consumer.name,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      rebalanceTimeout: settings.rebalanceTimeoutMs,
      maxWaitTimeInMs: settings.fetchMaxWaitMs,
      allowAutoTopicCreation: false,
      retry: { ...CONSUMER_RETRY, restartOnFailure: () => Promise.resolve(true) },
    });
    this.client = client;
    let started = false;
    const joined = new Promise<void>((resolve, reject) => {
      this.abortStart = reject;
      client.on(client.events.GROUP_JOIN, () => resolve());
      client.on(client.events.CRASH, ({ payload: { error, restart } }) => {
        // KafkaJS restarts the consumer itself when it judges the error retriable.
        if (restart || this.stopped || this.client !== client) return;
        if (!started) reject(error);
        else this.recover(error);
      });
    });
    // A crash may reject it before it is awaited: that is handled below, not an unhandled rejection.
    joined.catch(() => undefined);
    try {
      await client.connect();
      await client.subscribe({ topics: [...this.topics], fromBeginning: false });
      await client.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
        eachBatch: (payload) => this.handleBatch(payload),
      });
      await joined;
      if (startOffsets.length > 0) await client.commitOffsets([...startOffsets]);
      started = true;
    } catch (error) {
      if (this.client === client) this.client = undefined;
      await client.disconnect().catch(() => undefined);
      throw error;
    } finally {
      this.abortStart = undefined;
    }
  }

  /** KafkaJS gave up on the consumer (a non-retriable crash): start a fresh one, unless stopping. */
  private recover(error: unknown): void {
    if (this.stopped) return;
    this.logger.error(
      { consumer: this.consumer.name, err: describe(error) },
      'Kafka consumer crashed and was not restarted by KafkaJS; starting it again',
    );
    clearTimeout(this.recoveryTimer);
    this.recoveryTimer = setTimeout(() => {
      this.recoveryTimer = undefined;
      if (this.stopped) return;
      this.run().catch((failure: unknown) => this.recover(failure));
    }, RECOVERY_DELAY_MS);
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = payload.batch;
    const { retry, logger } = this.host.settings;
    let uncommitted: string | undefined;
    let lastCommit = Date.now();
    const commit = async () => {
      if (uncommitted === undefined) return;
      const offset = uncommitted;
      await payload.commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset }] }] });
      if (uncommitted === offset) uncommitted = undefined;
      lastCommit = Date.now();
    };

    try {
      for (const message of messages) {
        // Stopping (close) or a seek: leave the rest for the next fetch, or the next member.
        if (!payload.isRunning() || payload.isStale()) break;
        const deadLetters = this.host.deadLettersFor({ topic, partition, offset: message.offset }, message);
        await this.keepingAlive(payload, () =>
          deliver(this.consumer, fromMessage(message), { retry, deadLetters, logger }),
        );
        payload.resolveOffset(message.offset);
        uncommitted = nextOffset(message.offset);
        notifyLag(
          this.consumer.name,
          topic,
          partition,
          lagAfter(payload.batch.highWatermark, message.offset),
        );
        if (Date.now() - lastCommit >= COMMIT_INTERVAL_MS) await commit();
        // Throws when the group is rebalancing: KafkaJS then re-joins and fetches again.
        await payload.heartbeat();
      }
    } catch (error) {
      // Whatever ended the batch, what was delivered is committed, so it is not delivered again.
      // During a rebalance the commit may be refused: those messages then come again (at least
      // once), which idempotent handlers absorb.
      await commit().catch((failure: unknown) =>
        logger.warn(
          { consumer: this.consumer.name, topic, partition, err: describe(failure) },
          'could not commit offsets',
        ),
      );
      throw error;
    }
    await commit();
  }

  /**
   * KafkaJS heartbeats only between messages: a handler that runs longer than the session
   * timeout would get the member evicted and its partition handed to another. So heartbeats go
   * on while the handler (with its retries) runs.
   */
  private async keepingAlive<T>(payload: EachBatchPayload, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      payload
        .heartbeat()
        .catch((error: unknown) =>
          this.logger.debug({ consumer: this.consumer.name, err: describe(error) }, 'heartbeat failed'),
        );
    }, this.host.settings.heartbeatIntervalMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Messages left on the partition after `offset`, by the high watermark the batch was fetched with. */
function lagAfter(highWatermark: string, offset: string): number {
  return Math.max(0, Number(BigInt(highWatermark) - BigInt(offset) - 1n));
}
