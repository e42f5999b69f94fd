import {
  Kafka,
  Partitioners,
  type Admin,
  type KafkaMessage,
  type Producer,
  type TopicMessages,
} from 'kafkajs';
import type { EventBus } from '../bus/EventBus';
import type { Consumer } from '../consumer/Consumer';
import type { DeadLetterSink } from '../consumer/DeadLetter';
import { defaultRetryPolicy, type RetryPolicy } from '../consumer/deliver';
import { contracts } from '../contracts';
import type { CloudEvent } from '../envelope';
import { silentLogger, type Logger } from '../Logger';
import { topicFor } from '../topics';
import { kafkaLogCreator } from './kafkaLogCreator';
import { stopIdleRequestQueueTimers } from './requestQueueTimer';
import {
  KafkaSubscription,
  type StartOffset,
  type SubscriptionHost,
  type SubscriptionSettings,
} from './KafkaSubscription';
import { toDeadLetterMessage, toMessage, type MessageSource } from './wire';

export interface KafkaEventBusOptions {
  /** Bootstrap brokers, `host:port`. */
  readonly brokers: readonly string[];
  /** Names this process to the brokers (logs, quotas), e.g. `shelfmark-loans`. */
  readonly clientId: string;
  /** Partitions of each topic this bus creates. Default 3. Existing topics are left as they are. */
  readonly partitions?: number;
  /** Replicas of each topic this bus creates. Default 1 (one broker); 3 in a real cluster. */
  readonly replicationFactor?: number;
  /** Attempts and back-off of a failing handler before its event is dead-lettered. */
  readonly retry?: RetryPolicy;
  /**
   * Where events that a consumer gives up on go. Default `'topic'`: the dead-letter topic of the
   * event's context (`shelfmark.<context>.dead-letter`), the error in the headers and the value.
   */
  readonly deadLetters?: 'topic' | DeadLetterSink;
  readonly logger?: Logger;
  /**
   * How long the group waits for a silent member before handing its partitions to others.
   * Default 30 s; the broker accepts 6 s to 5 min by default. Long handlers keep heartbeating.
   */
  readonly sessionTimeoutMs?: number;
  /** Default a tenth of the session timeout, at most 3 s. */
  readonly heartbeatIntervalMs?: number;
  /** How long a rebalance waits for members to re-join. Default 60 s. */
  readonly rebalanceTimeoutMs?: number;
  /**
   * How long a fetch waits on the broker for new messages. Default 1 s. It also bounds how long
   * close() waits for an idle consumer, whose long poll must return before it can leave.
   */
  readonly fetchMaxWaitMs?: number;
  /**
   * How long a consumer may hold offsets of handled messages before committing them: at most one
   * commit per interval, and any left uncommitted are committed when the interval ends, when a
   * batch is left early and when the bus closes. A crash redelivers what was handled since the
   * last commit (idempotent consumers absorb it). Default 200 ms.
   */
  readonly commitIntervalMs?: number;
  /** Partitions one consumer handles at the same time. Default: `partitions`. */
  readonly partitionsConsumedConcurrently?: number;
}

/**
 * Publication retries of the producer. Bounded (KafkaJS's idempotent default is unbounded) so
 * that publish() rejects while the brokers are away and the outbox keeps the events.
 */
const PRODUCER_RETRY = { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 };
/**
 * Retries of the client's own requests (metadata, connections). KafkaJS nests them inside the
 * producer's retries, so they are kept short too; with its defaults a publication could hang for
 * minutes while the brokers are away.
 */
const CLIENT_RETRY = { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 };
/** How long close() waits for publications in flight before it disconnects regardless. */
const CLOSE_PUBLISH_WAIT_MS = 10_000;

/**
 * The Apache Kafka adapter of the bus (docs/design.md §3, docs/adr/0007-kafka.md), for multi-process
 * and production deployments.
 *
 * - One topic per owning context (`shelfmark.<context>`, and its `.dead-letter` topic), created
 *   at {@link connect} for every context in the contracts.
 * - Each event is one message keyed by its `subject` (the aggregate id), so the events of one
 *   aggregate share a partition and stay in order; CloudEvents structured mode.
 * - {@link publish} resolves once the brokers acknowledged every event (`acks=all`, idempotent
 *   producer): only then may the outbox forget them.
 * - Each consumer is a consumer group named after it, or the consumers of a process share their
 *   process's group ({@link subscribeGroup}): replicas share the partitions. Messages go
 *   through the same delivery pipeline as in-process; offsets are committed only past messages it
 *   finished with. A group subscribing for the first time starts at the end of the log as it
 *   stands at subscription: it receives what is published after its subscribe() resolved.
 * - The group of an {@link Consumer.ephemeral} consumer is deleted by {@link close}.
 */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly settings: SubscriptionSettings & {
    readonly partitions: number;
    readonly replicationFactor: number;
  };
  private readonly deadLetterSink: DeadLetterSink | undefined;
  private admin: Admin | undefined;
  private connecting: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private producer: ProducerSlot | undefined;
  private readonly subscriptions = new Map<string, KafkaSubscription>();
  private readonly topics = new Map<string, Promise<void>>();
  private readonly sending = new Set<Promise<void>>();

  constructor(options: KafkaEventBusOptions) {
    const brokers: string[] = [...(options.brokers ?? [])];
    if (brokers.length === 0) throw new Error('KafkaEventBus: `brokers` must list at least one host:port');
    if (!options.clientId) throw new Error('KafkaEventBus: `clientId` must name this process');
    const partitions = positive('partitions', options.partitions, 3);
    const sessionTimeoutMs = positive('sessionTimeoutMs', options.sessionTimeoutMs, 30_000);
    const heartbeatIntervalMs = positive(
      'heartbeatIntervalMs',
      options.heartbeatIntervalMs,
      Math.min(3_000, Math.max(100, Math.floor(sessionTimeoutMs / 10))),
    );
    if (heartbeatIntervalMs >= sessionTimeoutMs) {
      throw new Error('KafkaEventBus: `heartbeatIntervalMs` must be shorter than `sessionTimeoutMs`');
    }
    const logger = options.logger ?? silentLogger;
    this.settings = {
      partitions,
      replicationFactor: positive('replicationFactor', options.replicationFactor, 1),
      sessionTimeoutMs,
      heartbeatIntervalMs,
      rebalanceTimeoutMs: positive('rebalanceTimeoutMs', options.rebalanceTimeoutMs, 60_000),
      fetchMaxWaitMs: positive('fetchMaxWaitMs', options.fetchMaxWaitMs, 1_000),
      commitIntervalMs: positive('commitIntervalMs', options.commitIntervalMs, 200),
      partitionsConsumedConcurrently: positive(
        'partitionsConsumedConcurrently',
        options.partitionsConsumedConcurrently,
        partitions,
      ),
      retry: options.retry ?? defaultRetryPolicy,
      logger,
    };
    this.deadLetterSink =
      options.deadLetters === undefined || options.deadLetters === 'topic' ? undefined : options.deadLetters;
    // KafkaJS's request queues would otherwise spin a 1 ms timer for ever (requestQueueTimer.ts).
    stopIdleRequestQueueTimers();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers,
      logCreator: kafkaLogCreator(logger),
      retry: CLIENT_RETRY,
    });
  }

  /**
   * Connects the admin client and the producer and creates the topics of every context in the
   * contracts (with their dead-letter topics). Publishing and subscribing connect first anyway;
   * calling it at start-up makes a missing broker fail the start rather than the first request.
   */
  connect(): Promise<void> {
    if (this.closing) return Promise.reject(closedError());
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async publish(events: readonly CloudEvent[]): Promise<void> {
    if (this.closing) throw closedError();
    if (events.length === 0) return;
    const byTopic = new Map<string, TopicMessages>();
    for (const event of events) {
      const topic = routeOf(event);
      const messages = byTopic.get(topic)?.messages ?? [];
      if (!byTopic.has(topic)) byTopic.set(topic, { topic, messages });
      messages.push(toMessage(event));
    }
    await this.connect();
    await this.ensureTopics([...byTopic.keys()]);
    await this.send([...byTopic.values()]);
  }

  subscribe(consumer: Consumer): Promise<void> {
    return this.join(consumer.name, [consumer], []);
  }

  /**
   * The consumers of one process as one consumer group named `group` (ADR 26): each message is
   * fetched and committed once for all of them, and each consumer handles it through its own
   * pipeline (contract, retries, dead letters under its own name), at the same time as the others.
   * Where the group never committed on a partition but the consumers' own groups did (a process
   * whose consumers each had their group before), it starts at the earliest of their offsets, so
   * nothing they had not handled yet is skipped; events some of them had handled come again, and
   * their idempotence absorbs them.
   */
  subscribeGroup(group: string, consumers: readonly Consumer[]): Promise<void> {
    if (consumers.length === 0) return Promise.reject(new Error(`The group ${group} has no consumers`));
    const ephemeral = consumers.find((consumer) => consumer.ephemeral);
    if (ephemeral) {
      return Promise.reject(
        new Error(`${ephemeral.name} is ephemeral: it needs a group of its own (subscribe it alone)`),
      );
    }
    return this.join(
      group,
      consumers,
      consumers.map((consumer) => consumer.name),
    );
  }

  private async join(group: string, consumers: readonly Consumer[], formerGroups: readonly string[]) {
    if (this.closing) throw closedError();
    if (this.subscriptions.has(group)) {
      throw new Error(`A consumer or group named ${group} is already subscribed`);
    }
    const topics = [
      ...new Set(consumers.flatMap((consumer) => consumer.types.map((type) => topicFor(type)))),
    ];
    const subscription = new KafkaSubscription(group, consumers, topics, this.subscriptionHost());
    this.subscriptions.set(group, subscription);
    try {
      await this.connect();
      await this.ensureTopics(topics);
      await subscription.start(await this.startOffsetsOf(group, topics, formerGroups));
    } catch (error) {
      this.subscriptions.delete(group);
      await subscription.stop();
      throw error;
    }
  }

  /**
   * Graceful: consumers stop fetching, let the handlers in flight finish, commit and leave their
   * groups; publications in flight are acknowledged; then the producer and admin disconnect.
   * Safe to call more than once.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async open(): Promise<void> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      this.admin = admin;
      await this.ensureTopics(Object.keys(contracts).map((type) => topicFor(type)));
      await this.currentProducer().producer;
    } catch (error) {
      this.admin = undefined;
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async shutdown(): Promise<void> {
    await this.connecting?.catch(() => undefined);
    const subscriptions = [...this.subscriptions.values()];
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.deleteGroups(
      subscriptions
        .filter(({ consumers }) => consumers.every((consumer) => consumer.ephemeral))
        .map(({ group }) => group),
    );
    // Publications in flight get their acknowledgement, unless the brokers are away: then they
    // fail when the producer disconnects, and their outbox keeps the events.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.sending]),
      new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_PUBLISH_WAIT_MS))),
    ]);
    clearTimeout(timer);
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await retire(producer, this.settings.logger);
    await this.admin?.disconnect().catch(() => undefined);
  }

  /**
   * Deletes the groups of ephemeral consumers, once their members have left. A group that cannot
   * be deleted (brokers away) stays, and the broker forgets it when its offsets expire
   * (`offsets.retention.minutes`, 7 days by default), as it does one left by a crashed process.
   */
  private async deleteGroups(groupIds: readonly string[]): Promise<void> {
    if (groupIds.length === 0 || !this.admin) return;
    try {
      await this.admin.deleteGroups([...groupIds]);
    } catch (error) {
      this.settings.logger.warn(
        { groups: groupIds, err: error instanceof Error ? error.message : String(error) },
        'could not delete the groups of ephemeral consumers; the broker expires them with their offsets',
      );
    }
  }

  /** Creates missing topics (each with its dead-letter topic); each topic is looked at once. */
  private async ensureTopics(topics: readonly string[]): Promise<void> {
    const wanted = [...new Set(topics)];
    const missing = wanted.filter((topic) => !this.topics.has(topic));
    if (missing.length > 0) {
      const creation = this.createTopics(missing).catch((error: unknown) => {
        // Not created: the next caller tries again.
        for (const topic of missing) this.topics.delete(topic);
        throw error;
      });
      for (const topic of missing) this.topics.set(topic, creation);
    }
    await Promise.all(wanted.flatMap((topic) => this.topics.get(topic) ?? []));
  }

  private async createTopics(topics: readonly string[]): Promise<void> {
    const admin = this.requireAdmin();
    const names = topics.flatMap((topic) => [topic, deadLetterTopic(topic)]);
    const { partitions: numPartitions, replicationFactor } = this.settings;
    await admin.createTopics({
      topics: names.map((topic) => ({ topic, numPartitions, replicationFactor })),
      waitForLeaders: true,
    });
    const metadata = await admin.fetchTopicMetadata({ topics: names });
    for (const topic of metadata.topics) {
      if (topic.partitions.length !== numPartitions) {
        this.settings.logger.warn(
          { topic: topic.name, partitions: topic.partitions.length, configured: numPartitions },
          'topic exists with another partition count than configured; left as it is',
        );
      }
    }
  }

  /**
   * Where a group that never committed on a partition starts: the end of the log as it stands
   * now, before the group joins. Left to KafkaJS, a new group would start wherever "latest" is
   * at its first fetch — after some events published since subscribe() was called — and a
   * partition moved to another member before its first commit would start over at "latest"
   * again, skipping what came in between. Committing this start right after joining pins it.
   * A group that committed resumes where it left off: a consumer that was down catches up.
   * `formerGroups` (a process group's consumers, each once a group of its own): on a partition
   * the group never committed on, the earliest offset any of them committed, if one did.
   */
  private async startOffsetsOf(
    groupId: string,
    topics: readonly string[],
    formerGroups: readonly string[],
  ): Promise<StartOffset[]> {
    const admin = this.requireAdmin();
    // Just after a broker starts, the group coordinator may still be loading: ask again.
    const committed = await persistently(() => admin.fetchOffsets({ groupId, topics: [...topics] }));
    // What the former groups committed: asked once each, for every topic, and only if needed.
    let theirs: Promise<Awaited<ReturnType<Admin['fetchOffsets']>>[]> | undefined;
    const formerOffsets = () =>
      (theirs ??= Promise.all(
        formerGroups.map((former) =>
          persistently(() => admin.fetchOffsets({ groupId: former, topics: [...topics] })),
        ),
      ));
    const starts: StartOffset[] = [];
    for (const { topic, partitions } of committed) {
      const uncommitted = new Set(
        partitions.filter(({ offset }) => Number(offset) < 0).map(({ partition }) => partition),
      );
      if (uncommitted.size === 0) continue;
      const earliest = new Map<number, bigint>();
      for (const former of formerGroups.length > 0 ? await formerOffsets() : []) {
        for (const { partition, offset } of former.find((t) => t.topic === topic)?.partitions ?? []) {
          if (!uncommitted.has(partition) || Number(offset) < 0) continue;
          const at = BigInt(offset);
          if (at < (earliest.get(partition) ?? at + 1n)) earliest.set(partition, at);
        }
      }
      for (const { partition, high } of await persistently(() => admin.fetchTopicOffsets(topic))) {
        if (!uncommitted.has(partition)) continue;
        starts.push({ topic, partition, offset: earliest.get(partition)?.toString() ?? high });
      }
    }
    return starts;
  }

  private subscriptionHost(): SubscriptionHost {
    return {
      kafka: this.kafka,
      settings: this.settings,
      deadLettersFor: (source: MessageSource, message: KafkaMessage): DeadLetterSink =>
        this.deadLetterSink ?? {
          // The message came from its context's topic, so its dead letters go to that topic's.
          send: (letter) =>
            this.send([
              {
                topic: deadLetterTopic(source.topic),
                messages: [toDeadLetterMessage(letter, source, message.key)],
              },
            ]),
        },
    };
  }

  /** Sends and waits for the acknowledgement; a producer that failed is replaced. */
  private send(topicMessages: TopicMessages[]): Promise<void> {
    const slot = this.currentProducer();
    slot.inFlight += 1;
    const sending = (async () => {
      try {
        const producer = await slot.producer;
        await producer.sendBatch({ topicMessages, acks: -1 });
      } catch (error) {
        // A fresh producer (new producer id, sequence numbers from 0) for the next attempt:
        // KafkaJS's idempotent producer can stay wedged after a broker restart.
        if (this.producer === slot) this.producer = undefined;
        slot.retired = true;
        throw error;
      } finally {
        slot.inFlight -= 1;
        if (slot.retired && slot.inFlight === 0) await retire(slot, this.settings.logger);
      }
    })();
    this.sending.add(sending);
    void sending.catch(() => undefined).finally(() => this.sending.delete(sending));
    return sending;
  }

  private currentProducer(): ProducerSlot {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: PRODUCER_RETRY,
    });
    const slot: ProducerSlot = {
      producer: producer.connect().then(() => producer),
      inFlight: 0,
      retired: false,
    };
    slot.producer.catch(() => {
      if (this.producer === slot) this.producer = undefined;
    });
    this.producer = slot;
    return slot;
  }

  private requireAdmin(): Admin {
    if (!this.admin) throw new Error('KafkaEventBus: not connected');
    return this.admin;
  }
}

interface ProducerSlot {
  readonly producer: Promise<Producer>;
  inFlight: number;
  retired: boolean;
}

async function retire(slot: ProducerSlot, logger: Logger): Promise<void> {
  slot.retired = true;
  try {
    await (await slot.producer).disconnect();
  } catch (error) {
    logger.debug({ err: error instanceof Error ? error.message : String(error) }, 'producer disconnect');
  }
}

function deadLetterTopic(topic: string): string {
  return `${topic}.dead-letter`;
}

/** The topic of an event's context; an event whose type names no context cannot be routed. */
function routeOf(event: CloudEvent): string {
  if (typeof event.type !== 'string' || !/^shelfmark\.[a-z]+\./.test(event.type)) {
    throw new Error(`Cannot publish event ${event.id}: its type "${event.type}" names no Shelfmark context`);
  }
  return topicFor(event.type);
}

async function persistently<T>(call: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 1_000)));
    }
  }
}

function closedError(): Error {
  return new Error('The event bus is closed');
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`KafkaEventBus: \`${name}\` must be a positive integer, got ${String(value)}`);
  }
  return value;
}
