import { AsyncLocalStorage } from 'node:async_hooks';

/** What caused the work in progress: stamped on every event recorded while it runs. */
export interface EventCause {
  readonly correlationId: string;
  /** The request or event that directly causes the events recorded now. */
  readonly causationId?: string;
  readonly traceparent?: string;
}

const storage = new AsyncLocalStorage<EventCause>();

/**
 * Ambient causation for event envelopes. The GraphQL adapter opens one per request and the
 * consumer runner one per delivered event, so aggregates record events without threading ids
 * through every domain method.
 */
export const EventContext = {
  run<T>(cause: EventCause, work: () => T): T {
    return storage.run(cause, work);
  },
  current(): EventCause | undefined {
    return storage.getStore();
  },
};
