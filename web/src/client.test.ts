import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth } from './auth';
import { createApiClient } from './client';
import { graphql } from './gql';
import { fakeToken } from './test/support';

const Me = graphql(`
  query ClientTestMe {
    me {
      id
    }
  }
`);

/** The app's client over a fetch that records what it is given and answers `status`/`body`. */
function clientAnswering(status: number, body: unknown) {
  const requests: { headers: Headers }[] = [];
  const client = createApiClient(
    { protocol: 'http:', host: 'library.test', origin: 'http://library.test' },
    {
      fetch: (_url, init) => {
        requests.push({ headers: new Headers(init?.headers) });
        return Promise.resolve(
          new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
        );
      },
      ws: { client: { subscribe: () => () => undefined }, restart: () => undefined },
    },
  );
  return { client, requests };
}

beforeEach(() => {
  localStorage.clear();
  auth.signOut();
  auth.takeNotice();
});
afterEach(() => auth.signOut());

describe('the API client', () => {
  it('asks for one JSON answer (the router takes text/event-stream for SSE) and sends the token', async () => {
    const token = fakeToken();
    auth.signIn(token, { name: 'Ada' });
    const { client, requests } = clientAnswering(200, {
      data: { me: { __typename: 'Member', id: 'member-1' } },
    });
    const result = await client.query(Me, {}).toPromise();
    expect(result.data?.me?.id).toBe('member-1');
    expect(requests[0]!.headers.get('accept')).toBe('application/graphql-response+json, application/json');
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${token}`);
  });

  it('ends the session, with the router’s reason, when the token is refused (HTTP 401)', async () => {
    auth.signIn(fakeToken(), { name: 'Ada' });
    let expired = 0;
    const stop = auth.onExpired(() => expired++);
    const { client } = clientAnswering(401, {
      errors: [
        { message: 'The token is not valid. Please sign in again.', extensions: { code: 'UNAUTHENTICATED' } },
      ],
    });
    await client.query(Me, {}).toPromise();
    await flushPromises();
    stop();
    expect(auth.signedIn.value).toBe(false);
    expect(expired).toBe(1);
    expect(auth.takeNotice()).toBe('The token is not valid. Please sign in again.');
    expect(localStorage.getItem('shelfmark.session')).toBeNull();
  });

  it('keeps the session on any other refusal', async () => {
    auth.signIn(fakeToken(), { name: 'Ada' });
    const { client } = clientAnswering(200, {
      data: null,
      errors: [{ message: 'You must be signed in to do this.', extensions: { code: 'FORBIDDEN' } }],
    });
    await client.query(Me, {}).toPromise();
    expect(auth.signedIn.value).toBe(true);
  });

  it('never sends a token that has run out: it signs out and says so instead', async () => {
    auth.signIn(fakeToken({ exp: Math.floor(Date.now() / 1000) - 1 }), { name: 'Ada' });
    const { client, requests } = clientAnswering(200, { data: { me: null } });
    await client.query(Me, {}).toPromise();
    expect(requests[0]!.headers.get('authorization')).toBeNull();
    expect(auth.takeNotice()).toBe('Your session has expired. Please sign in again.');
  });
});
