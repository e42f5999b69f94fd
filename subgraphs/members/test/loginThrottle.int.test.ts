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
 * Issue 8, defect 7: password guessing (docs/adr/0012-sign-in-throttling.md). Small limits and a
 * one-second window; the counters live in memory on SQLite and in members' MongoDB database under
 * the mongo project. The router sets X-Forwarded-For; here the test sets it as the router would.
 */
describe('sign-in throttling', () => {
  let t: TestSubgraph;
  let n = 0;

  beforeAll(async () => {
    t = await startTestSubgraph(
      membersSubgraph({
        initialPoints: 30,
        tokenTtlSeconds: 3600,
        loginLimits: { failuresPerAccountAndAddress: 3, failuresPerAddress: 5, windowSeconds: 1 },
      }),
    );
  });
  afterAll(() => t.stop());

  const anAccount = async () => {
    const email = `reader${++n}@library.test`;
    const registered = await t.request(REGISTER, {
      input: { email, password: PASSWORD, name: `Reader ${n}` },
    });
    expect(registered.errors).toBeUndefined();
    return email;
  };
  const anAddress = () => `203.0.113.${++n}`;
  const login = (email: string, password: string, address: string) =>
    t.request<{ login: { token: string } }>(
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
  /** Waits, by trying, until the throttle's window has passed and the correct password works. */
  const eventuallySignsIn = async (email: string, address: string) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const response = await login(email, PASSWORD, address);
      if (!response.errors) return response;
      expectThrottled(response);
      if (Date.now() > deadline) throw new Error('still throttled long after the window');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
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
    // And once the window has passed, from the throttled address too.
    expect((await eventuallySignsIn(email, address)).data?.login.token).toBeTruthy();
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
    expect((await eventuallySignsIn(accounts[2]!, address)).errors).toBeUndefined();
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
