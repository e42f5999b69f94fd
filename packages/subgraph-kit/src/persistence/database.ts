import type { EntitySchema, MikroORM, Options } from '@mikro-orm/core';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AggregateRootSchema } from './aggregateSchema';
import { BoundLibSqlDriver, type BoundLibSqlConnection } from './boundSqlite';
import { indexNullableUniquesPartially, layOutForMongo } from './mongoMetadata';
import { reuseStatements, type DatabaseWrites, type SqliteConnection } from './sqliteConnection';

/** Where a subgraph keeps its data: an SQLite file (embedded default) or a MongoDB database. */
export type DatabaseConfig =
  | { readonly driver: 'sqlite'; readonly path: string }
  | { readonly driver: 'mongodb'; readonly url: string; readonly dbName: string };

/** `sqlite:<path>` or `mongodb://…/<db>`, as configuration gives it. */
export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (!path) throw new Error(`The SQLite URL ${JSON.stringify(url)} names no file`);
    return { driver: 'sqlite', path };
  }
  if (/^mongodb(\+srv)?:\/\//.test(url)) {
    const dbName = new URL(url).pathname.replace(/^\//, '');
    if (!dbName) throw new Error(`The MongoDB URL must name a database, e.g. mongodb://host:27017/catalogue`);
    return { driver: 'mongodb', url, dbName };
  }
  throw new Error(
    `Unsupported database URL ${JSON.stringify(url)}: expected sqlite:<path> or mongodb://host/<db>`,
  );
}

/**
 * Opens a subgraph's database and brings its schema up to date (tables and unique indexes).
 * Each subgraph has its own database: no subgraph reads another's data.
 *
 * The same entity schemas serve both drivers. On MongoDB a string primary key is the document's
 * `_id`, JSON properties are embedded documents/arrays, and every write of an aggregate is one
 * conditional single-document update (`version` checked in its filter): nothing relies on
 * multi-document transactions, which MongoDB offers only on replica sets (docs/adr/0008-mongodb.md).
 */
export async function openDatabase(
  config: DatabaseConfig,
  entities: readonly EntitySchema[],
  options: {
    /** Counts the SQLite database's writes (sqliteConnection.ts); MongoDB has no such count. */
    readonly writes?: DatabaseWrites;
  } = {},
): Promise<MikroORM> {
  const common: Partial<Options> = {
    entities: [AggregateRootSchema, ...entities],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Query logging prints every statement with its values (e-mails, password hashes): off, and
    // no setting turns it on in a running system.
    debug: false,
  };
  if (config.driver === 'mongodb') {
    const { MikroORM: MongoORM } = await import('@mikro-orm/mongodb');
    // Its own entry point, so that embedded SQLite processes never load the MongoDB driver.
    const { VersionedMongoDriver } = await import('@shelfmark/subgraph-kit/mongo');
    const orm = await MongoORM.init({
      ...(common as object),
      // Each write answers its new version: no read after it (versionedMongo.ts).
      driver: VersionedMongoDriver,
      clientUrl: config.url,
      dbName: config.dbName,
      discovery: { onMetadata: layOutForMongo, afterDiscovered: indexNullableUniquesPartially },
      // A flush never opens a transaction on MongoDB (none is needed: see above).
      implicitTransactions: false,
      // Batched updates check versions with a read before an unconditioned bulk write; one
      // update per document carries the version in its filter, which the server checks atomically.
      useBatchUpdates: false,
    });
    // Collections, then their indexes (unique ISBN, barcode, e-mail, …), before the subgraph serves.
    // One after the other: an index created first creates its collection implicitly, and some
    // servers then refuse the explicit creation.
    await orm.getSchemaGenerator().ensureIndexes();
    return orm;
  }
  mkdirSync(dirname(config.path), { recursive: true });
  const { MikroORM: SqliteORM } = await import('@mikro-orm/libsql');
  // Values bound, never inlined into the SQL text (boundSqlite.ts). Each connection keeps its
  // prepared statements and counts the database's writes (sqliteConnection.ts).
  // The pragmas are set on every connection the pool opens, not once: knex's libsql dialect takes a
  // connection older than 10 s for stale and opens a new one, which had SQLite's defaults again
  // (synchronous = full, busy_timeout = 0) from the first 10 s of a running system on.
  const orm = await SqliteORM.init({
    ...(common as object),
    dbName: config.path,
    driver: BoundLibSqlDriver,
    pool: {
      afterCreate: (
        connection: SqliteConnection,
        done: (error: Error | null, connection: unknown) => void,
      ) => {
        reuseStatements(connection, options.writes);
        configureSqliteConnection(connection, done);
      },
    },
  });
  singleWriteFlushes(orm);
  await orm.getSchemaGenerator().updateSchema();
  return orm;
}

/**
 * Sets up each SQLite connection as it is opened. WAL lets readers run while the relay or a request
 * writes; busy_timeout waits out a held lock. synchronous = normal: a commit is durable against the
 * process crashing or being killed (the WAL is in the OS's hands when COMMIT returns) and syncs at
 * checkpoints rather than at every commit; only a power loss or OS crash can undo the last commits
 * (docs/adr/0019-sqlite-durability.md). Foreign keys on, as MikroORM sets them on its first connection.
 */
export function configureSqliteConnection(
  connection: { exec(sql: string): unknown },
  done: (error: Error | null, connection: unknown) => void,
): void {
  try {
    connection.exec('pragma journal_mode = wal');
    connection.exec('pragma synchronous = normal');
    connection.exec('pragma busy_timeout = 5000');
    connection.exec('pragma foreign_keys = on');
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}

/**
 * Marks each flush that writes exactly one row (one change set: one insert, or one versioned
 * update) for its connection to run without an explicit transaction: one statement is atomic in
 * SQLite, and its optimistic lock is checked by the statement itself. A flush of more than one row
 * (an event's effect with its inbox on another row, several loans) keeps its transaction.
 */
function singleWriteFlushes(orm: MikroORM): void {
  const connection = orm.em.getConnection() as unknown as BoundLibSqlConnection;
  orm.em.getEventManager().registerSubscriber({
    onFlush: ({ em, uow }) => {
      const single =
        uow.getChangeSets().length === 1 &&
        uow.getCollectionUpdates().length === 0 &&
        uow.getExtraUpdates().size === 0;
      if (single) connection.singleWriteFlushes.add(em.id);
      else connection.singleWriteFlushes.delete(em.id);
    },
    afterFlush: ({ em }) => {
      connection.singleWriteFlushes.delete(em.id);
    },
  });
}
