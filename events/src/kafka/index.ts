/**
 * `@shelfmark/events/kafka`: the Apache Kafka adapter of the bus. Only this entry imports
 * kafkajs, an optional peer dependency: the embedded default never loads it.
 */
export { KafkaEventBus, type KafkaEventBusOptions } from './KafkaEventBus';
export { kafkaLogCreator } from './kafkaLogCreator';
export {
  CLOUDEVENTS_CONTENT_TYPE,
  deadLetterHeaders,
  fromDeadLetterMessage,
  type KafkaDeadLetter,
  type MessageSource,
} from './wire';
