import {
  InProcessEventBus,
  MemoryDeadLetterSink,
  type Consumer,
  type EventBus,
  type ShelfmarkEvent,
} from '@shelfmark/events';
import {
  createLogger,
  issueToken,
  loadOrCreateKeys,
  openDatabase,
  startSubgraph,
  type DatabaseConfig,
  type Identity,
  type RunningSubgraph,
  type SubgraphContext,
  type SubgraphDefinition,
} from '@shelfmark/subgraph-kit';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { graphqlClient, type GraphQLRequest } from './graphqlClient';
import { tempDir } from './tempDir';

export interface TestSubgraph {
  readonly subgraph: RunningSubgraph;
  readonly request: GraphQLRequest;
  readonly bus: InProcessEventBus;
  readonly deadLetters: MemoryDeadLetterSink;
  /** Every event the subgraph published, in order. */
  readonly published: ShelfmarkEvent[];
  /** A valid token for this identity, signed like members would sign it. */
  tokenFor(identity: Identity, ttlSeconds?: number): Promise<string>;
  /** Delivers an event to the subgraph's consumers as the bus would (contract checked). */
  deliver(event: unknown): Promise<void>;
  /** Waits until the subgraph's outbox is empty. */
  flush(): Promise<void>;
  /** Stops the subgraph and starts it again on the same database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The database of one test subgraph. SQLite (a file in the test's temporary directory) unless the
 * mongo jest project runs the suite: it sets `SHELFMARK_TEST_DATABASE=mongodb` and, in globalSetup,
 * `MONGODB_URL`; each test subgraph then gets a database of its own on that server, named after
 * the subgraph plus a random suffix, so test files running side by side never share data.
 */
function testDatabase(name: string, dir: string): DatabaseConfig {
  if (process.env.SHELFMARK_TEST_DATABASE !== 'mongodb') {
    return { driver: 'sqlite', path: join(dir, `${name}.sqlite`) };
  }
  const url = process.env.MONGODB_URL;
  if (!url)
    throw new Error('SHELFMARK_TEST_DATABASE=mongodb needs MONGODB_URL (set by the mongo jest project)');
  return { driver: 'mongodb', url, dbName: `test_${name}_${randomBytes(6).toString('hex')}` };
}

/** Drops a test subgraph's MongoDB database (its SQLite file goes with the temporary directory). */
async function dropTestDatabase(
  database: DatabaseConfig,
  entities: SubgraphDefinition<SubgraphContext>['entities'],
): Promise<void> {
  if (database.driver !== 'mongodb') return;
  const orm = await openDatabase(database, entities);
  try {
    await orm.getSchemaGenerator().dropSchema();
  } finally {
    await orm.close(true);
  }
}

/**
 * Runs one subgraph for an integration test: a real database of its own (an SQLite file in a
 * temporary directory, or a MongoDB database under the mongo project), its real HTTP server, the
 * in-process bus, and a recorder of what it publishes.
 */
export async function startTestSubgraph(
  definition: SubgraphDefinition<SubgraphContext>,
): Promise<TestSubgraph> {
  const dir = tempDir();
  const database = testDatabase(definition.name, dir.path);
  const keys = loadOrCreateKeys(dir.path);
  const logger = createLogger('silent');
  const published: ShelfmarkEvent[] = [];
  const recorder: Consumer = {
    name: 'TestRecorder',
    types: [],
    handle: () => Promise.resolve(),
  };

  let bus: InProcessEventBus;
  let deadLetters: MemoryDeadLetterSink;
  let subgraph: RunningSubgraph;
  const boot = async () => {
    deadLetters = new MemoryDeadLetterSink();
    bus = new InProcessEventBus({ deadLetters, retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 5 } });
    const recordingBus: EventBus = {
      publish: async (events) => {
        published.push(...(events as ShelfmarkEvent[]));
        await bus.publish(events);
      },
      subscribe: (consumer) => bus.subscribe(consumer),
      close: () => bus.close(),
    };
    subgraph = await startSubgraph(definition, {
      database,
      bus: recordingBus,
      keys,
      logger,
      relayPollIntervalMs: 50,
    });
    await bus.subscribe(recorder);
    bus.open();
  };
  await boot();

  return {
    get subgraph() {
      return subgraph;
    },
    get request() {
      return graphqlClient(subgraph.url);
    },
    get bus() {
      return bus;
    },
    get deadLetters() {
      return deadLetters;
    },
    published,
    tokenFor: (identity, ttlSeconds = 3600) => issueToken(identity, keys, ttlSeconds),
    deliver: (event) => bus.publish([event as ShelfmarkEvent]),
    flush: () => subgraph.relay.drain(),
    async restart() {
      await subgraph.close();
      await bus.close();
      await boot();
    },
    async stop() {
      await subgraph.close();
      await bus.close();
      await dropTestDatabase(database, definition.entities);
      dir.cleanup();
    },
  };
}
