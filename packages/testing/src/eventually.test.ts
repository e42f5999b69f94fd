import { eventually } from './eventually';

describe('eventually', () => {
  it('retries until the answer is accepted, counting a thrown attempt as not yet', async () => {
    const answers: (() => number)[] = [
      () => {
        throw new Error('still starting');
      },
      () => 1,
      () => 2,
    ];
    let calls = 0;
    const value = await eventually(
      () => Promise.resolve().then(() => answers[calls++]!()),
      (n) => n === 2,
      { everyMs: 1 },
    );
    expect(value).toBe(2);
    expect(calls).toBe(3);
  });

  it('fails past its ceiling with the last answer', async () => {
    await expect(
      eventually(
        () => Promise.resolve({ copies: 0 }),
        () => false,
        { ceilingMs: 0, everyMs: 1 },
      ),
    ).rejects.toThrow('Still not there after 0 s: {"copies":0}');
  });
});
