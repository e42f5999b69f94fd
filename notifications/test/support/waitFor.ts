/**
 * Waits until `probe` returns a value (not undefined), checking again after each short pause. The
 * condition is the test's point; jest's ceiling turns a hang into a failure.
 */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
