/**
 * Waits until `condition` holds, polling every 5 ms (not every millisecond: on a busy machine a
 * tight poll takes CPU from what it waits for). A bus may hand events over
 * asynchronously (Kafka does), so tests wait for the effect rather than assume it is immediate.
 * The deadline only turns a hang into a readable failure; it asserts nothing about speed, so it is
 * far above what a loaded machine needs.
 */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Lets pending promise callbacks and I/O turns run, so "nothing happened" really means nothing would. */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** A latch a test opens when it chooses: holds a handler (or a store call) in flight. */
export function gate(): { readonly opened: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
}
