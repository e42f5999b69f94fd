import type { ShelfmarkEvent } from '@shelfmark/events';
import { issueToken, loadOrCreateKeys } from '@shelfmark/subgraph-kit';
import { createClient as createSseClient } from 'graphql-sse';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { BorrowBooks, ReturnLoan } from './operations';
import { startLibrary, type Library } from './support/library';
import { listen, until, wsClient, type Payload } from './support/subscribers';

/** Fields from five subgraphs: catalogue, inventory, comments, analytics and loans. */
const BOOK_STATUS = `
  subscription BookStatus($bookId: ID!) {
    bookStatusChanged(bookId: $bookId) {
      id
      title
      availability { available onLoan }
      rating { count }
      borrowCount
      holdQueue { position }
    }
  }
`;
const RANKING = `
  subscription Board($first: Int) {
    rankingChanged(window: ALL_TIME, first: $first) { rank borrowCount book { id title } }
  }
`;
const RANKING_QUERY = `
  query Board($first: Int) {
    rankingChanged: ranking(window: ALL_TIME, first: $first) { rank borrowCount book { id title } }
  }
`;

interface BookStatus {
  id: string;
  title: string;
  availability: { available: number; onLoan: number } | null;
  rating: { count: number } | null;
  borrowCount: number | null;
  holdQueue: { position: number }[] | null;
}

function statusOf(message: Payload | undefined): BookStatus {
  return message?.data?.['bookStatusChanged'] as BookStatus;
}

/** The router's default least time between two pushes of one ranking (rankingIntervalMs). */
const RANKING_INTERVAL_MS = 250;

/**
 * Federated subscriptions through the router (issue 9): real graphql-ws and graphql-sse clients,
 * the whole embedded system, events from the in-process bus.
 */
describe('subscriptions through the router', () => {
  let library: Library;
  const clients: Client[] = [];
  /** Every copy-status-changed event the bus carried, as it carried it. */
  const copyEvents: ShelfmarkEvent[] = [];
  const request: Library['request'] = (...args) => library.request(...args);

  const ws = (token?: string, onClosed?: (event: unknown) => void) => {
    const client = wsClient(library.shelfmark.url, {
      ...(token === undefined ? {} : { token }),
      ...(onClosed ? { onClosed } : {}),
    });
    clients.push(client);
    return client;
  };
  const member = (name: string) => library.registerReader(name, `${name}@live.test`);
  const book = (title: string, copies: number) => library.addBook(title, copies);
  const borrow = async (token: string, bookId: string) => {
    const borrowed = await request(BorrowBooks, { bookIds: [bookId] }, { token });
    expect(borrowed.errors).toBeUndefined();
    return borrowed.data!.borrowBooks[0]!.id;
  };
  const subscribers = (count: number) =>
    until(() => library.shelfmark.router.subscriptions.subscriberCount === count);

  beforeAll(async () => {
    library = await startLibrary({ prefix: 'shelfmark-live-' });
    await library.shelfmark.bus.subscribe({
      name: 'test.recorder',
      types: ['shelfmark.inventory.copy-status-changed.v1'],
      handle: (event) => {
        copyEvents.push(event);
        return Promise.resolve();
      },
    });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    await subscribers(0);
  });
  afterAll(async () => {
    await library?.close();
  });

  it('pushes bookStatusChanged with fields from five subgraphs, over graphql-ws and SSE, sharing one execution', async () => {
    const reader = await member('reader');
    const borrower = await member('borrower');
    const dune = await book('Dune', 2);
    const other = await book('Emma', 1);
    const overWs = listen(ws(reader.token), BOOK_STATUS, { bookId: dune });
    const sse = createSseClient({
      url: library.shelfmark.url,
      headers: { authorization: `Bearer ${reader.token}` },
    });
    const overSse = listen(sse, BOOK_STATUS, { bookId: dune });
    const otherBook = listen(ws(reader.token), BOOK_STATUS, { bookId: other });
    await subscribers(3);
    // Same document, variables and member: the WebSocket and the SSE stream share one execution.
    expect(library.shelfmark.router.subscriptions.executionCount).toBe(2);
    const runsBefore = library.shelfmark.router.subscriptions.runs;

    await borrow(borrower.token, dune);
    await until(() => overWs.messages.length === 1 && overSse.messages.length === 1);
    expect(library.shelfmark.router.subscriptions.runs - runsBefore).toBe(1);
    const pushed = statusOf(overWs.messages[0]);
    expect(overWs.messages[0]!.errors).toBeUndefined();
    expect(pushed).toMatchObject({
      id: dune,
      title: 'Dune', // catalogue
      availability: { available: 1, onLoan: 1 }, // inventory
      rating: { count: 0 }, // comments
      holdQueue: [], // loans
    });
    expect(typeof pushed.borrowCount).toBe('number'); // analytics
    expect(overSse.messages[0]).toEqual(overWs.messages[0]);
    overSse.dispose();

    // A change of the other book reaches its subscriber only.
    await borrow(borrower.token, other);
    await until(() => otherBook.messages.length === 1);
    expect(statusOf(otherBook.messages[0])).toMatchObject({ title: 'Emma', availability: { onLoan: 1 } });
    expect(overWs.messages).toHaveLength(1);
  });

  it('regression: an event delivered twice pushes one message', async () => {
    const reader = await member('twice-reader');
    const borrower = await member('twice-borrower');
    const bookId = await book('Middlemarch', 1);
    const stream = listen(ws(reader.token), BOOK_STATUS, { bookId });
    await subscribers(1);
    const loanId = await borrow(borrower.token, bookId);
    await until(() => stream.messages.length === 1);

    const lent = copyEvents.find(
      (event) =>
        event.type === 'shelfmark.inventory.copy-status-changed.v1' &&
        event.data.bookId === bookId &&
        event.data.to === 'ON_LOAN',
    );
    expect(lent).toBeDefined();
    // Redelivered (as Kafka does after a rebalance), then a real change: the return.
    await library.shelfmark.bus.publish([lent!]);
    expect((await request(ReturnLoan, { loanId }, { token: borrower.token })).errors).toBeUndefined();
    await until(() => stream.messages.some((m) => statusOf(m).availability?.onLoan === 0));
    expect(stream.messages.map((m) => statusOf(m).availability?.onLoan)).toEqual([1, 0]);
  });

  it('coalesces a burst of borrows into fewer rankingChanged pushes, the last one correct', async () => {
    const watcher = ws();
    const board = listen(watcher, RANKING, { first: 3 });
    await subscribers(1);
    const bookId = await book('The Left Hand of Darkness', 10);
    const borrowers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => member(`burst-${n}`)));
    const started = Date.now();
    await Promise.all(borrowers.map((b) => borrow(b.token, bookId)));
    const burstMs = Date.now() - started;

    const current = async () => (await request(RANKING_QUERY, { first: 3 })).data;
    await until(async () => {
      const last = board.messages.at(-1);
      return last !== undefined && JSON.stringify(last.data) === JSON.stringify(await current());
    });
    const top = (
      board.messages.at(-1)!.data!['rankingChanged'] as { borrowCount: number; book: { id: string } }[]
    )[0];
    expect(top).toMatchObject({ borrowCount: 6, book: { id: bookId } });
    // At most one push per interval while the burst lasts, one trailing and one late look after it.
    // A slow machine stretches the burst and so the bound: it makes the test weaker, never red.
    // (On an idle machine the six borrows take well under a second: uncoalesced, they push six.)
    expect(board.messages.length).toBeLessThanOrEqual(Math.ceil(burstMs / RANKING_INTERVAL_MS) + 2);
    for (const message of board.messages) expect(message.errors).toBeUndefined();
  });

  it('closes the connection with 4403 and a reason when the token is invalid', async () => {
    const closes: { code: number; reason: string }[] = [];
    const stream = listen(
      ws('not-a-token', (event) => closes.push(event as { code: number; reason: string })),
      BOOK_STATUS,
      { bookId: 'any' },
    );
    await until(() => closes.length === 1 && stream.ended.error !== undefined);
    expect(closes[0]!.code).toBe(4403);
    expect(closes[0]!.reason).toMatch(/token|sign in/i);
  });

  it('closes the connection with 4403 when the token expires', async () => {
    const reader = await member('expiring');
    const keys = loadOrCreateKeys(library.dataDir);
    const shortLived = await issueToken({ memberId: reader.id, role: 'MEMBER' }, keys, 1);
    const closes: { code: number; reason: string }[] = [];
    listen(
      ws(shortLived, (event) => closes.push(event as { code: number; reason: string })),
      BOOK_STATUS,
      {
        bookId: 'any',
      },
    );
    await until(() => closes.length === 1);
    expect(closes[0]).toMatchObject({ code: 4403, reason: expect.stringMatching(/expired/i) as unknown });
  });

  it('applies the HTTP limits: too many aliases is OPERATION_LIMIT_EXCEEDED', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `t${i}: title`).join(' ');
    const stream = listen(ws(), `subscription { bookStatusChanged(bookId: "x") { ${aliases} } }`);
    await until(() => stream.ended.error !== undefined);
    expect(stream.ended.error).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'OPERATION_LIMIT_EXCEEDED',
          limit: 'aliases',
        }) as unknown,
      }),
    ]);
  });

  it('refuses a subscription over the per-connection cap with SUBSCRIPTION_LIMIT_EXCEEDED', async () => {
    const client = ws();
    const streams = Array.from({ length: 20 }, (_, i) => listen(client, BOOK_STATUS, { bookId: `cap-${i}` }));
    await subscribers(20);
    const refused = listen(client, BOOK_STATUS, { bookId: 'one-too-many' });
    await until(() => refused.ended.error !== undefined);
    expect(refused.ended.error).toEqual([
      expect.objectContaining({ extensions: { code: 'SUBSCRIPTION_LIMIT_EXCEEDED', max: 20 } }),
    ]);
    expect(streams.every((s) => s.ended.error === undefined)).toBe(true);
  });

  it('regression: a subscription at the alias limit is answered, not refused on every update', async () => {
    const borrower = await member('alias-borrower');
    const bookId = await book('Persuasion', 1);
    const aliases = Array.from({ length: 30 }, (_, i) => `t${i}: title`).join(' ');
    const stream = listen(
      ws(),
      `subscription($bookId: ID!) { bookStatusChanged(bookId: $bookId) { ${aliases} } }`,
      {
        bookId,
      },
    );
    await subscribers(1);
    await borrow(borrower.token, bookId);
    await until(() => stream.messages.length === 1);
    expect(stream.messages[0]!.errors).toBeUndefined();
    expect(stream.messages[0]!.data).toEqual({
      bookStatusChanged: expect.objectContaining({ t0: 'Persuasion', t29: 'Persuasion' }) as unknown,
    });
  });

  it('suggests the field a misspelt one meant, in development', async () => {
    const stream = listen(ws(), 'subscription { bookStatusChanged(bookId: "x") { titel } }');
    await until(() => stream.ended.error !== undefined);
    const [error] = stream.ended.error as { message: string; extensions: { code: string } }[];
    expect(error!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error!.message).toMatch(/did you mean "title"/i);
  });

  it('regression: a query whose Accept lists text/event-stream after JSON (as urql sends) is answered as JSON', async () => {
    const response = await fetch(library.shelfmark.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept:
          'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a subscription POSTed like a query with HTTP 400, never a 500', async () => {
    const response = await fetch(library.shelfmark.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: BOOK_STATUS, variables: { bookId: 'x' } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
  });
});

describe('a subscription while a subgraph is down', () => {
  let library: Library;
  let client: Client;

  beforeAll(async () => {
    library = await startLibrary({ prefix: 'shelfmark-live-down-' });
    client = wsClient(library.shelfmark.url);
  });
  afterAll(async () => {
    await client?.dispose();
    await library?.close();
  });

  it('gives that payload SERVICE_UNAVAILABLE for the down subgraph’s fields, and the stream stays open', async () => {
    const borrower = await library.registerReader('Down Borrower');
    const bookId = await library.addBook('Nostromo', 2);
    const stream = listen(client, BOOK_STATUS, { bookId });
    await until(() => library.shelfmark.router.subscriptions.subscriberCount === 1);

    // Comments stops answering; the borrow itself needs only loans, inventory and members.
    await library.shelfmark.subgraphs.comments.close();
    const borrowed = await library.request(BorrowBooks, { bookIds: [bookId] }, { token: borrower.token });
    expect(borrowed.errors).toBeUndefined();
    await until(() => stream.messages.length === 1);

    const degraded = stream.messages[0]!;
    expect(statusOf(degraded)).toMatchObject({
      title: 'Nostromo',
      availability: { onLoan: 1 },
      rating: null,
    });
    expect(degraded.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'SERVICE_UNAVAILABLE',
          serviceName: 'comments',
        }) as unknown,
      }),
    ]);
    expect(stream.ended).toEqual({});

    // The stream is still open: the next change is pushed too.
    const loanId = borrowed.data!.borrowBooks[0]!.id;
    expect((await library.request(ReturnLoan, { loanId }, { token: borrower.token })).errors).toBeUndefined();
    await until(() => stream.messages.length === 2);
    expect(statusOf(stream.messages[1])).toMatchObject({ availability: { onLoan: 0 } });
    expect(stream.ended).toEqual({});
  });
});

describe('subscriptions in production', () => {
  let library: Library;
  let client: Client;

  beforeAll(async () => {
    library = await startLibrary({ prefix: 'shelfmark-live-prod-', env: { NODE_ENV: 'production' } });
    client = wsClient(library.shelfmark.url);
  });
  afterAll(async () => {
    await client?.dispose();
    await library?.close();
  });

  it('refuses a misspelt field without suggesting the schema’s names, as over HTTP', async () => {
    const stream = listen(client, 'subscription { bookStatusChanged(bookId: "x") { titel } }');
    await until(() => stream.ended.error !== undefined);
    const [error] = stream.ended.error as { message: string; extensions: { code: string } }[];
    expect(error!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error!.message).toMatch(/titel/);
    expect(error!.message).not.toMatch(/did you mean/i);
  });
});

/** A bare graphql-transport-ws connection, to act as clients the graphql-ws client will not. */
async function rawSocket(
  url: string,
): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, closed };
}

/** Sends connection_init and waits for the router's connection_ack. */
async function initialise(socket: WebSocket): Promise<void> {
  const acked = new Promise<void>((resolve) =>
    socket.on('message', (data) => {
      if ((JSON.parse((data as Buffer).toString('utf8')) as { type: string }).type === 'connection_ack')
        resolve();
    }),
  );
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await acked;
}

describe('limits of long-lived connections', () => {
  let library: Library;
  const sockets: WebSocket[] = [];
  const open = async () => {
    const raw = await rawSocket(library.shelfmark.url);
    sockets.push(raw.socket);
    return raw;
  };

  beforeAll(async () => {
    library = await startLibrary({
      prefix: 'shelfmark-live-limits-',
      env: {
        SHELFMARK_CONNECTIONS_PER_ADDRESS: '2',
        SHELFMARK_CONNECTION_INIT_TIMEOUT_MS: '300',
        SHELFMARK_SUBSCRIBER_BACKLOG: '2',
        SHELFMARK_SUBSCRIBER_BUFFER_BYTES: String(64 * 1024),
        // Keep-alive would also drop a client that stops reading (it misses a pong): not this test's cause.
        SHELFMARK_WS_PING_INTERVAL_MS: String(10 * 60_000),
      },
    });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.terminate();
  });
  afterAll(async () => {
    await library?.close();
  });

  it('closes a connection over the per-address cap with 4029, and takes one again once a place is free', async () => {
    const first = await open();
    const second = await open();
    await initialise(first.socket);
    await initialise(second.socket);
    const third = await open();
    expect(await third.closed).toEqual({
      code: 4029,
      reason: expect.stringMatching(/too many connections/i) as unknown,
    });

    first.socket.close();
    await first.closed;
    const fourth = await open();
    await initialise(fourth.socket); // acknowledged: the freed place was taken
  });

  it('closes a connection that does not send connection_init in time with 4408', async () => {
    const idle = await open();
    expect((await idle.closed).code).toBe(4408);
  });

  it('drops a subscriber that stops reading (4413) instead of buffering for it, and the others go on', async () => {
    const borrower = await library.registerReader('Slow Borrower');
    // Large payloads fill the socket's buffers in a few changes: 30 aliases of a 5,000-character text.
    const bookId = await library.addBook('Bleak House', 1, { description: 'Fog everywhere. '.repeat(312) });
    const fields = Array.from({ length: 30 }, (_, i) => `d${i}: description`).join(' ');
    const query = `subscription Slow($bookId: ID!) { bookStatusChanged(bookId: $bookId) { availability { onLoan } ${fields} } }`;
    const slow = await open();
    await initialise(slow.socket);
    slow.socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { bookId } } }),
    );
    const reader = listen(wsClient(library.shelfmark.url), BOOK_STATUS, { bookId });
    const hub = library.shelfmark.router.subscriptions;
    await until(() => hub.subscriberCount === 2);

    // The slow client stops reading; every change is pushed to it until the router gives up on it.
    slow.socket.pause();
    let changes = 0;
    while (hub.subscriberCount === 2) {
      const borrowed = await library.request(BorrowBooks, { bookIds: [bookId] }, { token: borrower.token });
      expect(borrowed.errors).toBeUndefined();
      const loanId = borrowed.data!.borrowBooks[0]!.id;
      expect(
        (await library.request(ReturnLoan, { loanId }, { token: borrower.token })).errors,
      ).toBeUndefined();
      changes += 2;
    }
    expect(hub.subscriberCount).toBe(1);
    slow.socket.resume();
    expect(await slow.closed).toEqual({
      code: 4413,
      reason: expect.stringMatching(/fast enough/i) as unknown,
    });

    // The reader that keeps up got every change, and is still subscribed.
    await until(() => reader.messages.length === changes);
    expect(reader.ended).toEqual({});
    expect(statusOf(reader.messages.at(-1)).availability).toEqual({ available: 1, onLoan: 0 });
    reader.dispose();
  });
});
