export { AggregateRoot, HANDLED_EVENTS_MEMORY } from './AggregateRoot';
export { cloudEventEnvelope, contextOf, createEvent, type CloudEvent } from './envelope';
export { EventContext, type EventCause } from './EventContext';
export { ContractViolation, parseEvent } from './ContractViolation';
export * from './contracts';
export { deadLetterTopicFor, topicFor } from './topics';
export { silentLogger, type Logger } from './Logger';
export type { EventBus } from './bus/EventBus';
export { InProcessEventBus, type InProcessEventBusOptions } from './bus/InProcessEventBus';
export { defineConsumer, type Consumer } from './consumer/Consumer';
export {
  FileDeadLetterSink,
  MemoryDeadLetterSink,
  type DeadLetter,
  type DeadLetterSink,
} from './consumer/DeadLetter';
export {
  defaultRetryPolicy,
  deliver,
  type DeliveryOptions,
  type DeliveryOutcome,
  type RetryPolicy,
} from './consumer/deliver';
export {
  OutboxRelay,
  type OutboxRelayOptions,
  type OutboxStore,
  type PendingEvents,
} from './outbox/OutboxRelay';
export {
  activeTraceparent,
  BACKLOG_LIMIT,
  consumerLabel,
  observeEvents,
  recordSagaOutcome,
  relayBacklogs,
  type EventObserver,
  type OutboxBacklog,
} from './telemetry';
