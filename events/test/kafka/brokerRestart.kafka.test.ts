import { setTimeout as sleep } from 'node:timers/promises';
import { startKafka, type KafkaHandle } from '@shelfmark/local-servers';
import { defineConsumer, OutboxRelay, type PendingEvents } from '../../src';
import { KafkaEventBus } from '../../src/kafka';
import { contractRetryPolicy } from '../busContract';
import { waitFor } from '../support/async';
import { uniqueId } from '../support/builders';
import { Member } from '../support/Member';
import { MemoryOutboxStore } from '../support/MemoryOutboxStore';
import { RecordingLogger } from './kafkaTestBus';
import { EffectLedger } from './ledger';

/** The outbox, noting what the bus acknowledged: the relay marks events published only then. */
class AcknowledgingOutboxStore extends MemoryOutboxStore<Member> {
  readonly acknowledged: string[] = [];

  override async markPublished(aggregate: PendingEvents['aggregate'], eventIds: readonly string[]) {
    this.acknowledged.push(...eventIds);
    await super.markPublished(aggregate, eventIds);
  }
}

// This test stops and restarts the broker, so it starts one of its own rather than share the
// project's (or an external one).
describe('KafkaEventBus when the broker is stopped under load and restarted', () => {
  let kafka: KafkaHandle;
  /** Stops the relay and closes both buses; set while they run, so a failed test still closes them. */
  let release: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    kafka = await startKafka({ useExternal: false });
  });

  afterAll(async () => {
    // Clients left connected would retry a stopped broker for ever and keep jest from exiting.
    await release?.();
    await kafka?.stop();
  });

  it('loses no event: the outbox keeps what Kafka did not acknowledge, and all of it arrives', async () => {
    const logger = new RecordingLogger();
    const options = {
      brokers: kafka.brokers,
      clientId: 'shelfmark-broker-restart-test',
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      fetchMaxWaitMs: 100,
      retry: contractRetryPolicy,
      logger,
    };
    const producerBus = new KafkaEventBus(options);
    const consumerBus = new KafkaEventBus(options);
    const ledger = new EffectLedger();
    await consumerBus.subscribe(
      defineConsumer({
        name: uniqueId('WelcomeMemberOnMemberRegistered'),
        types: ['shelfmark.members.member-registered.v1'],
        handle: (event) => Promise.resolve(ledger.apply(event)),
      }),
    );
    const store = new AcknowledgingOutboxStore('Member');
    const relay = new OutboxRelay([store], producerBus, { pollIntervalMs: 50, logger });
    relay.start();
    release = async () => {
      release = undefined;
      await relay.stop();
      await Promise.all([producerBus.close(), consumerBus.close()]);
    };

    const recorded: string[] = [];
    let producing = true;
    // Members register all along, ~100 a second, like requests arriving at a subgraph.
    const load = (async () => {
      while (producing) {
        const member = Member.register(uniqueId('member'));
        recorded.push(...member.outbox.map((event) => event.id));
        store.save(member);
        relay.wake();
        await sleep(10);
      }
    })();

    try {
      await waitFor(() => ledger.appliedCount(recorded) >= 100, 'the first events to flow', 30_000);
      await kafka.stopBroker();
      const acknowledgedWhenStopped = store.acknowledged.length;
      await sleep(2_000);
      // Nothing can be acknowledged by a broker that is down; the outbox holds what was recorded.
      expect(store.acknowledged.length).toBe(acknowledgedWhenStopped);
      expect(store.unpublished().length).toBeGreaterThan(0);
      await kafka.startBroker();
      await sleep(1_000);
    } finally {
      producing = false;
      await load;
    }

    // After a restart kafkajs reconnects with backoff; on a busy CI machine (a broker restart took
    // 27 s there) a minute was not enough. The test's own 300 s ceiling bounds the whole.
    await waitFor(() => store.unpublished().length === 0, 'the outbox to empty', 150_000);
    await waitFor(() => ledger.hasAll(recorded), 'every recorded event to be applied', 90_000);
    await release();

    expect(ledger.appliedCount(store.acknowledged)).toBe(new Set(store.acknowledged).size);
    expect(ledger.appliedCount(recorded)).toBe(recorded.length);
  });
});
