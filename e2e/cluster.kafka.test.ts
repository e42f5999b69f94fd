import { startCluster, loadClusterConfig, type RunningCluster } from '@shelfmark/launcher/cluster';
import {
  errorCode,
  graphqlClient,
  tempDir,
  type GraphQLRequest,
  type GraphQLResponse,
} from '@shelfmark/testing';
import { AddBook, AddCopies, BookPage, Login, RegisterMember, SearchBooks } from './operations';

const ADMIN = { email: 'admin@cluster.test', password: 'cluster admin password' };

/** Retries while the other processes catch up through Kafka (eventual consistency across processes). */
async function eventually<T>(
  attempt: () => Promise<GraphQLResponse<T>>,
  ok: (r: GraphQLResponse<T>) => boolean,
) {
  let last: GraphQLResponse<T> | undefined;
  for (let i = 0; i < 100; i += 1) {
    last = await attempt();
    if (ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Still not there after 10 s: ${JSON.stringify(last)}`);
}

/**
 * `npm run start:cluster`: seven processes over the real Kafka broker of this suite and a MongoDB
 * server, serving the same queries as `npm start`.
 */
describe('Shelfmark as a cluster of processes over Kafka and MongoDB', () => {
  let cluster: RunningCluster;
  let request: GraphQLRequest;
  const log: string[] = [];
  const dir = tempDir('shelfmark-cluster-');

  beforeAll(async () => {
    cluster = await startCluster(
      loadClusterConfig({
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
        ...(process.env['MONGODB_URL'] ? { MONGODB_URL: process.env['MONGODB_URL'] } : {}),
        PORT: '4400',
        SHELFMARK_SUBGRAPH_PORTS_FROM: '4401',
        SHELFMARK_DATA_DIR: dir.path,
        SHELFMARK_ADMIN_EMAIL: ADMIN.email,
        SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'warn',
      }),
      (line) => log.push(line),
    );
    request = graphqlClient(cluster.url);
  }, 240_000);
  afterAll(async () => {
    await cluster?.close();
    dir.cleanup();
  }, 60_000);

  it('lets the admin add a book and copies that one query then shows across two processes', async () => {
    const login = await request(Login, ADMIN);
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.token;
    const added = await request(
      AddBook,
      {
        input: { isbn: '9780261103573', title: 'The Fellowship of the Ring', authors: ['J. R. R. Tolkien'] },
      },
      { token },
    );
    expect(added.errors).toBeUndefined();
    const bookId = added.data!.addBook.id;

    // Inventory learns of the book from catalogue's event through Kafka.
    const copies = await eventually(
      () => request(AddCopies, { bookId, count: 2 }, { token }),
      (r) => !r.errors,
    );
    expect(copies.data!.addCopies).toHaveLength(2);

    const found = await request(SearchBooks, { search: 'fellowship' });
    expect(found.data?.books.edges.map((e) => e.node.id)).toEqual([bookId]);
    const page = await request(BookPage, { id: bookId });
    expect(page.data?.book).toMatchObject({
      title: 'The Fellowship of the Ring',
      availability: { total: 2, available: 2 },
    });
  }, 60_000);

  it('issues the member card asynchronously in the members process', async () => {
    const registered = await request(RegisterMember, {
      input: { email: 'reader@cluster.test', password: 'reader password', name: 'Cluster Reader' },
    });
    expect(registered.errors).toBeUndefined();
    const token = registered.data!.registerMember.token;
    const me = await eventually(
      () => request<{ me: { card: { number: string } | null } }>('{ me { card { number } } }', {}, { token }),
      (r) => Boolean(r.data?.me?.card),
    );
    expect(me.data?.me.card?.number).toMatch(/\S/);
  }, 60_000);

  it('keeps answering what it can when a subgraph is down, naming the one that is not', async () => {
    const found = await request(SearchBooks, { search: 'fellowship' });
    const bookId = found.data!.books.edges[0]!.node.id;
    await cluster.stopSubgraph('comments');
    const page = await request<{ book: { title: string; rating: unknown } | null }>(
      'query($id: ID!) { book(id: $id) { title rating { count } } }',
      { id: bookId },
    );
    expect(page.data?.book?.title).toBe('The Fellowship of the Ring');
    expect(errorCode(page)).toBe('SERVICE_UNAVAILABLE');
    expect(page.errors?.[0]?.extensions?.['serviceName']).toBe('comments');
  }, 60_000);
});
