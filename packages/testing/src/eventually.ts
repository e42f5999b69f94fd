/**
 * Retries `attempt` until `ok` accepts what it gives — for what converges through the bus or a
 * restart (eventual consistency across processes). A thrown attempt (a process still starting)
 * counts as not yet. The ceiling only turns a system that never converges into a failure, with the
 * last answer or error in the message; a loaded machine merely polls longer.
 */
export async function eventually<T>(
  attempt: () => Promise<T>,
  ok: (value: T) => boolean,
  { ceilingMs = 120_000, everyMs = 100 }: { readonly ceilingMs?: number; readonly everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + ceilingMs;
  for (;;) {
    let last: string;
    try {
      const value = await attempt();
      if (ok(value)) return value;
      last = JSON.stringify(value);
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) throw new Error(`Still not there after ${ceilingMs / 1000} s: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Waits until `probe` returns a value (not undefined), checking again after each short pause — for
 * what a test's own process produces (a mail file written, a message received). The condition is
 * the test's point; jest's ceiling turns a hang into a failure. A thrown probe fails at once.
 */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
