/**
 * KafkaJS 2.2.4 (the newest release) re-arms a timer in every connection's request queue for
 * ever, from the connection's first answer on: `fulfillRequest` calls `checkPendingRequests`,
 * which always calls `scheduleCheckPendingRequests`, which, with nothing pending and no
 * throttling, sets a timeout of `throttledUntil - now` — negative, so 1 ms — that calls
 * `checkPendingRequests` again (tulios/kafkajs#1556 and #1704; the fix proposed upstream is
 * #1667, not released). Every connection then woke its process a thousand times a second, for
 * nothing.
 *
 * With nothing pending there is nothing to check later: a new request that has to wait is queued
 * by `push`, which schedules its own check (at the end of a throttle, or after 10 ms), and a
 * response checks the queue when it frees a slot. So the schedule is skipped when the queue is
 * empty; with requests pending it is KafkaJS's own.
 */
interface RequestQueue {
  readonly pending: readonly unknown[];
  scheduleCheckPendingRequests: (this: RequestQueue) => void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- KafkaJS's own module, not exported by name
const { prototype } = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueue };

const PATCHED = Symbol.for('shelfmark.kafkajs.requestQueueTimer');

/** Applies the fix once per process (idempotent); `KafkaEventBus` does before it makes a client. */
export function stopIdleRequestQueueTimers(): void {
  const patched = prototype as RequestQueue & { [PATCHED]?: true };
  if (patched[PATCHED]) return;
  const schedule = prototype.scheduleCheckPendingRequests;
  prototype.scheduleCheckPendingRequests = function (this: RequestQueue) {
    if (this.pending.length === 0) return;
    schedule.call(this);
  };
  patched[PATCHED] = true;
}
