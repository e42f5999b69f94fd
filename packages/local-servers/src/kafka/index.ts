export {
  KAFKA_BROKERS_VARIABLE,
  KAFKA_VERSION,
  kafkaBrokersFromEnv,
  startKafka,
  type KafkaHandle,
  type StartKafkaOptions,
} from './startKafka';
