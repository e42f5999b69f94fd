import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { CloudEvent } from '../envelope';
import type { DeadLetter } from '../consumer/DeadLetter';

/**
 * CloudEvents' Kafka protocol binding, **structured mode**: the message value is the whole JSON
 * envelope and `content-type` says so. Chosen over binary mode because the envelope then travels
 * as one document — the same bytes the outbox stores, the dead-letter topic keeps and an operator
 * replays — and the contract check sees exactly what the producer wrote.
 */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/** Headers of a dead-letter message; its value is the {@link KafkaDeadLetter} as JSON. */
export const deadLetterHeaders = {
  consumer: 'shelfmark-dead-letter-consumer',
  errorName: 'shelfmark-dead-letter-error-name',
  errorMessage: 'shelfmark-dead-letter-error-message',
  attempts: 'shelfmark-dead-letter-attempts',
  source: 'shelfmark-dead-letter-source',
} as const;

/** Where a message was read: enough for an operator to find (or replay) the original. */
export interface MessageSource {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** What a dead-letter topic holds: the {@link DeadLetter}, and where the failed message was read. */
export interface KafkaDeadLetter extends DeadLetter {
  readonly source: MessageSource;
}

/** One event as a Kafka message: keyed by its aggregate, so one aggregate's events share a partition. */
export function toMessage(event: CloudEvent): Message {
  return {
    key: event.subject,
    value: JSON.stringify(event),
    headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
  };
}

/**
 * The message value as the delivery pipeline's raw input: the parsed JSON, or the text itself
 * when it is not JSON (the contract check then rejects it as a malformed CloudEvent).
 */
export function fromMessage(message: KafkaMessage): unknown {
  if (!message.value) return null;
  const text = message.value.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toDeadLetterMessage(letter: DeadLetter, source: MessageSource, key: Buffer | null): Message {
  const value: KafkaDeadLetter = { ...letter, source };
  const headers: IHeaders = {
    'content-type': 'application/json',
    [deadLetterHeaders.consumer]: letter.consumer,
    [deadLetterHeaders.errorName]: letter.error.name,
    [deadLetterHeaders.errorMessage]: letter.error.message,
    [deadLetterHeaders.attempts]: String(letter.attempts),
    [deadLetterHeaders.source]: `${source.topic}/${source.partition}/${source.offset}`,
  };
  return { key, value: JSON.stringify(value), headers };
}

/** Reads a message of a dead-letter topic back. */
export function fromDeadLetterMessage(message: KafkaMessage): KafkaDeadLetter {
  if (!message.value) throw new Error(`Dead-letter message at offset ${message.offset} has no value`);
  return JSON.parse(message.value.toString('utf8')) as KafkaDeadLetter;
}

/** The offset a consumer group commits after handling the message at `offset`: the next one. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
