/**
 * The stream one subscriber reads: the hub pushes, the transport pulls and writes to the socket.
 * Bounded: a subscriber that does not read (a slow or stalled client) has at most `capacity`
 * payloads waiting; one more ends the stream and calls `onOverflow` (the transport drops the
 * client), so a slow consumer can never grow the router's memory.
 */
export class PushQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private done = false;

  constructor(
    private readonly capacity: number,
    private readonly onOverflow: () => void,
    /** Whether the transport below already holds too much unsent (checked on each push). */
    private readonly congested: () => boolean,
    private readonly onEnd: () => void,
  ) {}

  /** Queues a payload; false when the stream has ended. */
  push(item: T): boolean {
    if (this.done) return false;
    if (this.congested()) return this.overflow();
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return true;
    }
    if (this.items.length >= this.capacity) return this.overflow();
    this.items.push(item);
    return true;
  }

  /** How many payloads wait to be read. */
  get backlog(): number {
    return this.items.length;
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  /** Ends the stream (transports such as graphql-sse only call return() on full async generators). */
  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.finish();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private overflow(): false {
    this.finish();
    this.onOverflow();
    return false;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.items.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    this.onEnd();
  }
}
