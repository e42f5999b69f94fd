import type { CloudEvent } from '../envelope';
import type { Consumer } from '../consumer/Consumer';

/**
 * The bus port (docs/design.md §3). Two adapters implement it: in-process (the embedded default) and
 * Apache Kafka (`@shelfmark/events/kafka`). One contract suite proves both.
 */
export interface EventBus {
  /**
   * Publishes events in order. Resolves once the bus has durably accepted all of them; only then
   * may the outbox forget them. Rejects if any was not accepted (the outbox keeps them and retries).
   */
  publish(events: readonly CloudEvent[]): Promise<void>;
  /** Starts delivering matching events to the consumer (at least once, in order per aggregate). */
  subscribe(consumer: Consumer): Promise<void>;
  /**
   * Starts delivering to the consumers of one process together, as one group (ADR 26): on Kafka one
   * consumer group, so each event is fetched and committed once for them all; each consumer still
   * handles what it subscribed to with its own retries and dead letters. The in-process bus
   * subscribes each of them.
   */
  subscribeGroup(group: string, consumers: readonly Consumer[]): Promise<void>;
  /** Stops delivering; in-flight handlers finish first, so no message is left half-handled. */
  close(): Promise<void>;
}
