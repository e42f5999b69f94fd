import { stopIdleRequestQueueTimers } from '../../src/kafka/requestQueueTimer';

/**
 * KafkaJS's request queue (the one behind every broker connection), with the fix for its endless
 * 1 ms timer (requestQueueTimer.ts): once nothing waits, no timer is left; a request held back by
 * the in-flight limit is still sent when the one before it is answered.
 */
interface Entry {
  correlationId: number;
  apiKey: number;
  apiName: string;
  apiVersion: number;
  resolve: (response: unknown) => void;
  reject: (error: unknown) => void;
}
interface Queue {
  pending: unknown[];
  push(request: { entry: Entry; expectResponse: boolean; sendRequest: () => void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- KafkaJS's own module, as the fix patches it
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => Queue;

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

describe("KafkaJS's request queue timers", () => {
  beforeAll(() => stopIdleRequestQueueTimers());
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A queue allowing one request in flight, like the idempotent producer's connection. */
  const queue = () =>
    new RequestQueue({
      maxInFlightRequests: 1,
      requestTimeout: 30_000,
      enforceRequestTimeout: false,
      clientId: 'test',
      broker: 'broker:9092',
      logger: silent,
    });

  const send = (requests: Queue, correlationId: number, sent: number[], answered: number[]) =>
    requests.push({
      entry: {
        correlationId,
        apiKey: 0,
        apiName: 'Produce',
        apiVersion: 7,
        resolve: () => answered.push(correlationId),
        reject: () => undefined,
      },
      expectResponse: true,
      sendRequest: () => sent.push(correlationId),
    });

  const answer = (requests: Queue, correlationId: number) =>
    requests.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });

  it('leaves no timer behind once every request is answered', () => {
    const requests = queue();
    const sent: number[] = [];
    const answered: number[] = [];
    send(requests, 1, sent, answered);
    answer(requests, 1);

    expect(answered).toEqual([1]);
    // Unpatched, the answer armed a 1 ms timer that re-armed itself on every run.
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(50);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still sends a request held back by the in-flight limit, and then stops', () => {
    const requests = queue();
    const sent: number[] = [];
    const answered: number[] = [];
    send(requests, 1, sent, answered);
    send(requests, 2, sent, answered);
    expect(sent).toEqual([1]);
    expect(requests.pending).toHaveLength(1);

    answer(requests, 1);
    expect(sent).toEqual([1, 2]);
    answer(requests, 2);
    jest.runOnlyPendingTimers();

    expect(answered).toEqual([1, 2]);
    expect(requests.pending).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
  });
});
