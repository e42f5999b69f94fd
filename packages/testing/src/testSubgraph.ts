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
  startSubgraph,
  type Clock,
  type Identity,
  type PeerDirectory,
  type RunningSubgraph,
  type SubgraphContext,
  type SubgraphDefinition,
} from '@shelfmark/subgraph-kit';
import { graphqlClient, type GraphQLRequest } from './graphqlClient';
import { testDatabase } from './testDatabase';
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

export interface TestSubgraphOptions {
  /** The time the subgraph tells; tests pass one they can move. */
  readonly clock?: Clock;
  /** Where the subgraph finds the subgraphs it calls synchronously. */
  readonly peers?: PeerDirectory;
}

/**
 * Runs one subgraph for an integration test: a real database of its own (an SQLite file in a
 * temporary directory, or a MongoDB database under the mongo project), its real HTTP server, the
 * in-process bus, and a recorder of what it publishes.
 */
export async function startTestSubgraph(
  definition: SubgraphDefinition<SubgraphContext>,
  options: TestSubgraphOptions = {},
): Promise<TestSubgraph> {
  const dir = tempDir();
  const database = testDatabase(definition.name);
  const keys = loadOrCreateKeys(dir.path);
  // Silent, unless a test run is being debugged: TEST_LOG_LEVEL=error shows unexpected errors.
  const logger = createLogger(process.env['TEST_LOG_LEVEL'] === 'error' ? 'error' : 'silent');
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
      subscribeGroup: (group, consumers) => bus.subscribeGroup(group, consumers),
      close: () => bus.close(),
    };
    subgraph = await startSubgraph(definition, {
      database: database.config,
      bus: recordingBus,
      keys,
      logger,
      relayPollIntervalMs: 50,
      // Jobs run when the test says so (`subgraph.runJobs()`), at the time its clock tells.
      jobIntervalMs: 0,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.peers ? { peers: options.peers } : {}),
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
      await database.drop(definition.entities);
      dir.cleanup();
    },
  };
}
