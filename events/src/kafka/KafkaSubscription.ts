import type { Consumer as KafkaConsumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Consumer } from '../consumer/Consumer';
import type { DeadLetterSink } from '../consumer/DeadLetter';
import { deliver, type RetryPolicy } from '../consumer/deliver';
import type { Logger } from '../Logger';
import { notifyLag } from '../telemetry';
import { topicFor } from '../topics';
import { fromMessage, nextOffset, type MessageSource } from './wire';

/** Pause before a consumer that KafkaJS gave up on is started again. */
const RECOVERY_DELAY_MS = 1_000;
/** KafkaJS's retry of the fetch loop; once spent, the consumer "crashes" and restarts. */
const CONSUMER_RETRY = { retries: 8, initialRetryTime: 100, maxRetryTime: 5_000 };

export interface SubscriptionSettings {
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly fetchMaxWaitMs: number;
  readonly commitIntervalMs: number;
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
 * One member of a Kafka consumer group: a {@link Consumer} in the group named after it, or the
 * consumers of one process in their process's group (ADR 26). Runs every message through the
 * shared {@link deliver} pipeline of each consumer (at the same time; each with its own retries
 * and dead letters) and commits a partition's offset only past messages every one of them
 * finished with (handled or dead-lettered). Partitions are handled concurrently, the messages of
 * one partition one after another, in order.
 */
export class KafkaSubscription {
  private client: KafkaConsumer | undefined;
  /** Offsets past handled messages that the running client has not committed yet, by partition. */
  private readonly uncommitted = new Map<string, StartOffset>();
  private lastCommit = 0;
  private readonly readers = new Map<string, readonly string[]>();
  private commitTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private recoveryTimer: NodeJS.Timeout | undefined;
  private abortStart: ((reason: Error) => void) | undefined;

  constructor(
    /** The consumer group: the consumer's name, or the process's group of consumers. */
    readonly group: string,
    readonly consumers: readonly Consumer[],
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
    this.abortStart?.(new Error(`The event bus was closed while ${this.group} was subscribing`));
    const client = this.client;
    // What earlier batches handled is committed while the client still runs: once it stops,
    // KafkaJS ignores commits. The batch in flight commits its own as it ends.
    if (client) {
      await this.commitPending(client).catch((error: unknown) =>
        this.logger.warn(
          { group: this.group, err: describe(error) },
          'could not commit offsets while stopping; their messages come again',
        ),
      );
    }
    this.client = undefined;
    try {
      await client?.disconnect();
    } catch (error) {
      this.logger.warn({ group: this.group, err: describe(error) }, 'consumer did not stop cleanly');
    }
  }

  private async run(startOffsets: readonly StartOffset[] = []): Promise<void> {
    const { settings } = this.host;
    const client = this.host.kafka.consumer({
      groupId: this.group,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      rebalanceTimeout: settings.rebalanceTimeoutMs,
      maxWaitTimeInMs: settings.fetchMaxWaitMs,
      allowAutoTopicCreation: false,
      retry: { ...CONSUMER_RETRY, restartOnFailure: () => Promise.resolve(true) },
    });
    this.client = client;
    // Offsets a previous client handled are not committed by this one: its partitions may have
    // moved on since. Those messages come again (at least once).
    this.uncommitted.clear();
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
      { group: this.group, err: describe(error) },
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
    const commit = () => this.commitPending(payload);

    try {
      for (const message of messages) {
        // Stopping (close) or a seek: leave the rest for the next fetch, or the next member.
        if (!payload.isRunning() || payload.isStale()) break;
        const deadLetters = this.host.deadLettersFor({ topic, partition, offset: message.offset }, message);
        const raw = fromMessage(message);
        await this.keepingAlive(payload, () =>
          everyOne(this.consumers.map((consumer) => deliver(consumer, raw, { retry, deadLetters, logger }))),
        );
        payload.resolveOffset(message.offset);
        this.uncommitted.set(`${topic}:${partition}`, {
          topic,
          partition,
          offset: nextOffset(message.offset),
        });
        // Reported per consumer, as on its own: each reader of the topic is that far behind.
        const lag = lagAfter(payload.batch.highWatermark, message.offset);
        for (const consumer of this.readersOf(topic)) notifyLag(consumer, topic, partition, lag);
        if (Date.now() - this.lastCommit >= this.host.settings.commitIntervalMs) await commit();
        // Throws when the group is rebalancing: KafkaJS then re-joins and fetches again.
        await payload.heartbeat();
      }
    } catch (error) {
      // Whatever ended the batch, what was delivered is committed, so it is not delivered again.
      // During a rebalance the commit may be refused: those messages then come again (at least
      // once), which idempotent handlers absorb.
      await commit().catch((failure: unknown) =>
        logger.warn(
          { group: this.group, topic, partition, err: describe(failure) },
          'could not commit offsets',
        ),
      );
      throw error;
    }
    // A batch left early (close, a seek) commits now; one that ran to its end leaves its offsets
    // to the next commit, due within the commit interval: one commit then covers every batch
    // handled meanwhile, instead of one request per fetch.
    if (!payload.isRunning() || payload.isStale()) await commit();
    else this.commitSoon();
  }

  /** The names of the consumers that read `topic` (every one of a group reads all its topics' messages). */
  private readersOf(topic: string): readonly string[] {
    let readers = this.readers.get(topic);
    if (!readers) {
      readers = this.consumers
        .filter((consumer) => consumer.types.some((type) => topicFor(type) === topic))
        .map((consumer) => consumer.name);
      this.readers.set(topic, readers);
    }
    return readers;
  }

  /** Commits what is handled and uncommitted: through the batch, or the client between batches. */
  private async commitPending(via: Pick<EachBatchPayload, 'commitOffsetsIfNecessary'> | KafkaConsumer) {
    clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    this.lastCommit = Date.now();
    if (this.uncommitted.size === 0) return;
    const offsets = [...this.uncommitted.values()];
    this.uncommitted.clear();
    try {
      if ('commitOffsetsIfNecessary' in via) {
        await via.commitOffsetsIfNecessary({
          topics: offsets.map(({ topic, partition, offset }) => ({
            topic,
            partitions: [{ partition, offset }],
          })),
        });
      } else {
        await via.commitOffsets([...offsets]);
      }
    } catch (error) {
      // Not committed: unless a later message of the partition was handled meanwhile, try again.
      for (const pending of offsets) {
        const key = `${pending.topic}:${pending.partition}`;
        if (!this.uncommitted.has(key)) this.uncommitted.set(key, pending);
      }
      throw error;
    }
  }

  /** Commits what is uncommitted once the commit interval has passed since the last commit. */
  private commitSoon(): void {
    if (this.commitTimer || this.uncommitted.size === 0) return;
    const client = this.client;
    const wait = Math.max(0, this.lastCommit + this.host.settings.commitIntervalMs - Date.now());
    this.commitTimer = setTimeout(() => {
      this.commitTimer = undefined;
      if (!client || this.client !== client || this.stopped) return;
      this.commitPending(client).catch((error: unknown) =>
        this.logger.warn(
          { group: this.group, err: describe(error) },
          'could not commit offsets; the next commit carries them, or their messages come again',
        ),
      );
    }, wait);
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
          this.logger.debug({ group: this.group, err: describe(error) }, 'heartbeat failed'),
        );
    }, this.host.settings.heartbeatIntervalMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }
}

/**
 * Waits for every delivery, then fails if one did (its dead-letter sink was down): the message is
 * then not committed and comes again to all of them, none of them still running meanwhile.
 */
async function everyOne(deliveries: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(deliveries)).find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Messages left on the partition after `offset`, by the high watermark the batch was fetched with. */
function lagAfter(highWatermark: string, offset: string): number {
  return Math.max(0, Number(BigInt(highWatermark) - BigInt(offset) - 1n));
}
