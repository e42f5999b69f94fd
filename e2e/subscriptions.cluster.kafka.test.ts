import { loadClusterConfig, startCluster, type RunningCluster } from '@shelfmark/launcher/cluster';
import { startKafka, type KafkaHandle } from '@shelfmark/local-servers';
import { graphqlClient, isbnFor, tempDir, type GraphQLRequest } from '@shelfmark/testing';
import type { Client } from 'graphql-ws';
import { Kafka, logLevel } from 'kafkajs';
import { AddBook, AddCopies, BorrowBooks, Login, RegisterMember, ReturnLoan } from './operations';
import { untilLoansKnows } from './support/cluster';
import { listen, subscriberCount, until, wsClient, type Payload, type Stream } from './support/subscribers';

const ADMIN = { email: 'admin@replicas.test', password: 'replicas admin password' };

/** Fields from two subgraphs: the title from catalogue, the availability from inventory. */
const BOOK_STATUS = `
  subscription BookStatus($bookId: ID!) {
    bookStatusChanged(bookId: $bookId) { id title availability { total available onLoan } }
  }
`;

interface BookStatus {
  id: string;
  title: string;
  availability: { total: number; available: number; onLoan: number };
}

function statusOf(message: Payload | undefined): BookStatus | undefined {
  return message?.data?.['bookStatusChanged'] as BookStatus | undefined;
}

/**
 * The cluster shape of federated subscriptions (issue 9): two router processes, each feeding its
 * subscriptions from Kafka through a consumer group of its own, in front of the six subgraph
 * processes over MongoDB. A borrow through one router reaches the subscribers of both, once each.
 *
 * This file starts its own Kafka broker and MongoDB server (startCluster's local ones): the
 * subgraphs' consumer groups have fixed names, so two clusters on one broker — this one and
 * cluster.kafka.test.ts's, run by another jest worker — would take each other's events.
 */
describe('Cluster shape: subscriptions on two router replicas fed from Kafka', () => {
  let kafka: KafkaHandle;
  let cluster: RunningCluster;
  let routers: [string, string];
  let request: GraphQLRequest;
  const log: string[] = [];
  const dir = tempDir('shelfmark-replicas-');
  const clients: Client[] = [];

  beforeAll(async () => {
    try {
      kafka = await startKafka({ useExternal: false, log: (line) => log.push(`[kafka] ${line}`) });
      cluster = await startCluster(
        loadClusterConfig({
          KAFKA_BROKERS: kafka.brokers.join(','),
          PORT: '4500',
          SHELFMARK_SUBGRAPH_PORTS_FROM: '4501',
          SHELFMARK_DATA_DIR: dir.path,
          SHELFMARK_ADMIN_EMAIL: ADMIN.email,
          SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
          LOG_LEVEL: 'warn',
        }),
        (line) => log.push(line),
      );
      routers = [cluster.url, await cluster.addRouter(4510)];
    } catch (error) {
      throw new Error(`The cluster did not start: ${String(error)}\n${log.slice(-40).join('\n')}`);
    }
    request = graphqlClient(routers[0]);
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    await cluster?.close();
    await kafka?.stop();
    dir.cleanup();
  });

  /** A book with no copies yet, added through router 1 by the admin; returns its id and the admin token. */
  async function aBook(title: string) {
    const login = await request(Login, ADMIN);
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.token;
    const added = await request(
      AddBook,
      { input: { isbn: isbnFor(1), title, authors: ['Ursula K. Le Guin'] } },
      { token },
    );
    expect(added.errors).toBeUndefined();
    return { bookId: added.data!.addBook.id, token };
  }

  /** Adds copies once inventory has learnt of the book from catalogue's event (through Kafka). */
  async function addCopies(bookId: string, count: number, token: string) {
    for (;;) {
      const copies = await request(AddCopies, { bookId, count }, { token });
      if (!copies.errors) return;
      expect(copies.errors[0]?.extensions?.['code']).toBe('NOT_FOUND');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('pushes one borrow to a subscriber on each router exactly once, with the title and the availability', async () => {
    // Each router process joined Kafka with a group of its own.
    const admin = new Kafka({
      clientId: 'replicas-test',
      brokers: kafka.brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const groups = (await admin.listGroups()).groups.map(({ groupId }) => groupId);
    await admin.disconnect();
    expect(groups.filter((group) => group.startsWith('router.'))).toHaveLength(2);

    const { bookId, token } = await aBook('The Dispossessed');
    const streams: Stream[] = routers.map((url) => {
      const client = wsClient(url);
      clients.push(client);
      return listen(client, BOOK_STATUS, { bookId });
    });
    // Each router holds its subscriber before anything changes.
    await until(async () => (await Promise.all(routers.map(subscriberCount))).every((count) => count === 1));

    // Two copies: two copy-added events, so two pushes to each subscriber; the quiet before the borrow.
    await addCopies(bookId, 2, token);
    await until(() => streams.every((stream) => stream.messages.length === 2));

    const registered = await request(RegisterMember, {
      input: { email: 'shevek@replicas.test', password: 'anarres and urras', name: 'Shevek' },
    });
    expect(registered.errors).toBeUndefined();
    const reader = registered.data!.registerMember.token;
    await untilLoansKnows(request, reader);
    const borrowed = await request(BorrowBooks, { bookIds: [bookId] }, { token: reader });
    expect(borrowed.errors).toBeUndefined();
    await until(() => streams.every((stream) => stream.messages.length >= 3));

    // A second change, through the same partition (the same copy): had the borrow been pushed
    // twice, the duplicate would have come before it.
    const loanId = borrowed.data!.borrowBooks[0]!.id;
    expect((await request(ReturnLoan, { loanId }, { token: reader })).errors).toBeUndefined();
    await until(() =>
      streams.every((stream) => statusOf(stream.messages.at(-1))?.availability.available === 2),
    );

    for (const stream of streams) {
      expect(stream.ended).toEqual({});
      for (const message of stream.messages) expect(message.errors).toBeUndefined();
      const [borrow, giveBack, ...more] = stream.messages.slice(2).map(statusOf);
      expect(borrow).toEqual({
        id: bookId,
        title: 'The Dispossessed', // catalogue
        availability: { total: 2, available: 1, onLoan: 1 }, // inventory
      });
      expect(giveBack).toEqual({
        id: bookId,
        title: 'The Dispossessed',
        availability: { total: 2, available: 2, onLoan: 0 },
      });
      expect(more).toEqual([]);
    }
  });
});
