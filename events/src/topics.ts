import { contextOf } from './envelope';

/** One topic per owning context, e.g. `shelfmark.loans`. */
export function topicFor(eventType: string): string {
  return `shelfmark.${contextOf(eventType)}`;
}

/** Where events that a consumer could not handle end up, with the error that stopped them. */
export function deadLetterTopicFor(eventType: string): string {
  return `${topicFor(eventType)}.dead-letter`;
}
