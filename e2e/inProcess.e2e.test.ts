import { contracts, type CloudEvent, type EventType } from '@shelfmark/events';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import { BookPage, BorrowBooks, ReturnLoan } from './operations';
import { startLibrary, type Library, type Reader } from './support/library';

/**
 * The embedded system calls its subgraphs in process (docs/architecture.md): the router and loans
 * open no socket to a subgraph, and no subgraph listens at all; what reaches a subgraph is what
 * would have over HTTP (the caller's identity, the request id). Watched from inside the process:
 * every HTTP request a server in it receives and every request undici sends (fetch included).
 */
describe('the embedded system calls its subgraphs in process', () => {
  let library: Library;
  let reader: Reader;
  const served: Server[] = [];
  const sent: string[] = [];
  const events: CloudEvent[] = [];
  const onServed = (message: unknown) => served.push((message as { server: Server }).server);
  const onSent = (message: unknown) => {
    const { origin, path } = (message as { request: { origin: string; path: string } }).request;
    sent.push(`${origin}${path}`);
  };

  beforeAll(async () => {
    library = await startLibrary({ prefix: 'shelfmark-in-process-' });
    await library.shelfmark.bus.subscribe({
      name: 'test.RecordEverything',
      types: Object.keys(contracts) as EventType[],
      handle: (event) => {
        events.push(event);
        return Promise.resolve();
      },
    });
    reader = await library.registerReader('Ada In Process');
    subscribe('http.server.request.start', onServed);
    subscribe('undici:request:create', onSent);
  });
  afterAll(async () => {
    unsubscribe('http.server.request.start', onServed);
    unsubscribe('undici:request:create', onSent);
    await library.close();
  });

  it('opens no port for a subgraph', () => {
    for (const subgraph of Object.values(library.shelfmark.subgraphs)) {
      expect({ name: subgraph.name, server: subgraph.server, url: subgraph.url }).toEqual({
        name: subgraph.name,
        server: undefined,
        url: `in-process:${subgraph.name}`,
      });
    }
  });

  it('borrows, returns and reads a book page with HTTP only between the client and the router', async () => {
    const bookId = await library.addBook('In Process', 2);
    served.length = 0;
    sent.length = 0;
    const requestId = 'in-process-borrow-1';
    const borrowed = await library.request(
      BorrowBooks,
      { bookIds: [bookId] },
      { token: reader.token, headers: { 'x-request-id': requestId } },
    );
    expect(borrowed.errors).toBeUndefined();
    const page = await library.request(BookPage, { id: bookId });
    expect(page.data?.book?.availability).toMatchObject({ total: 2, available: 1 });
    const returned = await library.request(
      ReturnLoan,
      { loanId: borrowed.data!.borrowBooks[0]!.id },
      { token: reader.token },
    );
    expect(returned.errors).toBeUndefined();

    const router = library.shelfmark.router;
    expect(served.length).toBe(3);
    expect(served.every((server) => server === router.server)).toBe(true);
    const origin = new URL(router.url).origin;
    expect(sent).toEqual([`${origin}/graphql`, `${origin}/graphql`, `${origin}/graphql`]);

    // The caller's request id went from the router to loans and from loans to inventory (the
    // reservation, a peer call): both recorded their events under it.
    const caused = events.filter((event) => event.correlationid === requestId);
    expect([...new Set(caused.map((event) => event.source))]).toEqual(
      expect.arrayContaining(['urn:shelfmark:loans', 'urn:shelfmark:inventory']),
    );
  });
});
