import { errorCode, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@shelfmark/testing';
import { membersSubgraph } from '../src';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterMemberInput!) {
    registerMember(input: $input) {
      token
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
    }
  }
`;
const PASSWORD = 'a long enough password';

/**
 * Issue 8, defect 7: password guessing (docs/adr/0012-sign-in-throttling.md). Small limits; the
 * counters live in memory on SQLite and in members' MongoDB database under the mongo project. The
 * router sets X-Forwarded-For; here the test sets it as the router would.
 *
 * Two members subgraphs: one whose window (an hour) no test outlasts, for what must be throttled —
 * with a one-second window a busy machine let failures expire between attempts and the throttle
 * never came — and one with a one-second window, for what happens once a window has passed.
 */
describe('sign-in throttling', () => {
  let t: TestSubgraph;
  let brief: TestSubgraph;
  let n = 0;
  const withWindow = (windowSeconds: number) =>
    startTestSubgraph(
      membersSubgraph({
        initialPoints: 30,
        tokenTtlSeconds: 3600,
        loginLimits: { failuresPerAccountAndAddress: 3, failuresPerAddress: 5, windowSeconds },
      }),
    );

  beforeAll(async () => {
    t = await withWindow(3600);
    brief = await withWindow(1);
  });
  afterAll(async () => {
    await t?.stop();
    await brief?.stop();
  });

  const anAccount = async (on: TestSubgraph = t) => {
    const email = `reader${++n}@library.test`;
    const registered = await on.request(REGISTER, {
      input: { email, password: PASSWORD, name: `Reader ${n}` },
    });
    expect(registered.errors).toBeUndefined();
    return email;
  };
  const anAddress = () => `203.0.113.${++n}`;
  const login = (email: string, password: string, address: string, on: TestSubgraph = t) =>
    on.request<{ login: { token: string } }>(
      LOGIN,
      { email, password },
      { headers: { 'x-forwarded-for': address } },
    );
  const expectThrottled = (response: GraphQLResponse<unknown>) => {
    expect(errorCode(response)).toBe('TOO_MANY_REQUESTS');
    const retryAfter = response.errors?.[0]?.extensions?.['retryAfterSeconds'];
    expect(typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(response.errors?.[0]?.message).toMatch(/wait \d+ seconds? and try again/);
  };

  it('regression: the Nth wrong password for an account from an address is TOO_MANY_REQUESTS with a retry-after', async () => {
    const email = await anAccount();
    const address = anAddress();
    expect(errorCode(await login(email, 'wrong 1', address))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(email, 'wrong 2', address))).toBe('UNAUTHENTICATED');
    expectThrottled(await login(email, 'wrong 3', address));
    // Throttled means throttled: the right password from there waits too.
    expectThrottled(await login(email, PASSWORD, address));
    // No lockout an attacker could use: the member, from anywhere else, signs in at once.
    expect((await login(email, PASSWORD, anAddress())).errors).toBeUndefined();
  });

  it('lets the member in from the throttled address once the window has passed', async () => {
    const email = await anAccount(brief);
    const address = anAddress();
    // Three failures inside one one-second window: a slow machine may take more than one try.
    for (;;) {
      await login(email, 'wrong 1', address, brief);
      await login(email, 'wrong 2', address, brief);
      const third = await login(email, 'wrong 3', address, brief);
      if (errorCode(third) === 'TOO_MANY_REQUESTS') break;
      expect(errorCode(third)).toBe('UNAUTHENTICATED');
    }
    // Throttled until the window has passed, then let in: waited for by trying (the test's
    // ceiling ends a throttle that never lifts).
    for (;;) {
      const response = await login(email, PASSWORD, address, brief);
      if (!response.errors) break;
      expectThrottled(response);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('regression: guessing across accounts from one address is throttled per address, an unknown e-mail counting too', async () => {
    const address = anAddress();
    const accounts = [await anAccount(), await anAccount(), await anAccount()];
    // 2 failures per account (under the per-account limit of 3) plus one unknown e-mail: 5 from one address.
    for (const email of accounts.slice(0, 2)) {
      expect(errorCode(await login(email, 'wrong', address))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login(email, 'wrong', address))).toBe('UNAUTHENTICATED');
    }
    expectThrottled(await login('nobody@library.test', 'wrong', address));
    // A third account, never guessed, is refused from that address, even with its right password.
    expectThrottled(await login(accounts[2]!, PASSWORD, address));
    expect((await login(accounts[2]!, PASSWORD, anAddress())).errors).toBeUndefined();
  });

  it('forgets failures once the member signs in: failures must be consecutive to count', async () => {
    const email = await anAccount();
    const address = anAddress();
    for (let round = 0; round < 2; round += 1) {
      expect(errorCode(await login(email, 'wrong', address))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login(email, 'wrong', address))).toBe('UNAUTHENTICATED');
      expect((await login(email, PASSWORD, address)).errors).toBeUndefined();
    }
  });
});
