import {
  JsonProperty,
  ReferenceKind,
  Utils,
  type AnyEntity,
  type Configuration,
  type EntityData,
  type EntityDictionary,
  type EntityProperty,
  type FilterQuery,
  type LoggingOptions,
  type NativeInsertUpdateOptions,
  type QueryResult,
  type Transaction,
  type UpsertOptions,
} from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import { AbstractSqlDriver, LibSqlConnection, LibSqlPlatform } from '@mikro-orm/libsql';

/** SQL with `?` placeholders and the values that fill them, in order. */
export interface BoundStatement {
  readonly sql: string;
  readonly bindings: unknown[];
}

/**
 * Thrown instead of storing text SQLite would cut short: libsql hands text to SQLite as a C
 * string, so everything from a NUL character on would be lost without a word. The GraphQL edge
 * refuses such text first (textInput.ts); meeting it here is a bug, not a client's mistake.
 */
export class UnstorableText extends Error {
  constructor() {
    super('Text containing a NUL character cannot be stored in SQLite: it would be cut short there');
    this.name = 'UnstorableText';
  }
}

/**
 * Turns MikroORM's `sql` + `params` into a statement whose values are all bound. It reads the
 * placeholders exactly as MikroORM's own `formatQuery` does (`??` an identifier, `?` a value) and
 * converts each value as its SQLite platform would quote it (dates as epoch milliseconds, booleans
 * as 0/1, objects as JSON, arrays as lists), but binds the value instead of printing it.
 */
export function bindValues(
  platform: LibSqlPlatform,
  sql: string,
  params: readonly unknown[],
): BoundStatement {
  const bindings: unknown[] = [];
  let next = 0;
  const placeholderFor = (value: unknown): string => {
    if (Utils.isRawSql(value)) return splice(bindValues(platform, value.sql, value.params ?? []));
    if (platform.isRaw(value)) {
      const query = (value as Knex.Raw).toSQL();
      return splice(bindValues(platform, query.sql, query.bindings));
    }
    if (Array.isArray(value)) {
      return value
        .map((item: unknown) => (Array.isArray(item) ? `(${placeholderFor(item)})` : placeholderFor(item)))
        .join(', ');
    }
    const bound = bindable(value);
    if (bound === unbindable) return platform.quoteValue(value);
    bindings.push(bound);
    return '?';
  };
  const splice = (statement: BoundStatement): string => {
    bindings.push(...statement.bindings);
    return statement.sql;
  };
  const text = sql.replace(/\?\??/g, (placeholder) =>
    placeholder === '??'
      ? platform.quoteIdentifier(params[next++] as string)
      : placeholderFor(params[next++]),
  );
  return { sql: text, bindings };
}

const unbindable = Symbol('unbindable');

function bindable(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new UnstorableText();
    return value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (Buffer.isBuffer(value)) return value;
  if (Utils.isPlainObject(value) || (value as { [JsonProperty]?: unknown })[JsonProperty]) {
    return bindable(JSON.stringify(value));
  }
  // Anything else (e.g. an object with its own `toSqlString`) keeps MikroORM's own rendering.
  return unbindable;
}

/**
 * MikroORM 6's SQL connection formats every statement with its values inlined as literals
 * (`platform.formatQuery`) and runs the resulting text with no bindings. SQLite reads that text
 * as a C string, so a NUL byte inside a value cut the statement short ("unrecognized token"),
 * a 500 for the client. This connection binds the values instead: a value can never change or
 * cut the statement it travels in.
 */
export class BoundLibSqlConnection extends LibSqlConnection {
  /**
   * The units of work (by their EntityManager id) whose flush under way writes one row with one
   * statement: `singleWriteFlushes` in database.ts marks them when the flush starts. SQLite makes
   * one statement atomic on its own, so their flush runs without `BEGIN`/`COMMIT` around it.
   */
  readonly singleWriteFlushes = new Set<number>();

  override transactional<T>(
    cb: (trx: Transaction<Knex.Transaction>) => Promise<T>,
    options: Parameters<LibSqlConnection['transactional']>[1] = {},
  ): Promise<T> {
    const id: unknown = options.loggerContext?.['id'];
    if (!options.ctx && typeof id === 'number' && this.singleWriteFlushes.delete(id)) {
      return cb(undefined as unknown as Transaction<Knex.Transaction>);
    }
    return super.transactional(cb, options);
  }

  override async execute<
    T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[],
  >(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params: unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    let sql: string;
    let values = params;
    let transaction = ctx as Knex.Transaction | undefined;
    if (typeof queryOrKnex === 'string') {
      sql = queryOrKnex;
    } else {
      const client = (queryOrKnex as unknown as { client: { transacting?: unknown } }).client;
      if (client.transacting) transaction ??= queryOrKnex as unknown as Knex.Transaction;
      const query = queryOrKnex.toSQL();
      sql = query.sql;
      values = [...(query.bindings ?? [])];
    }
    // `\?` (a literal question mark in hand-written SQL) means something else to knex's binder;
    // nothing here writes it, and MikroORM's own path still handles it.
    if (sql.includes('\\?')) return super.execute<T>(sql, values, method, transaction, loggerContext);
    await this.ensureConnection();
    sql = this.config.get('onQuery')(sql, values);
    const statement = bindValues(this.platform as LibSqlPlatform, sql, values);
    // The query log shows placeholders, never the values (e-mails, password hashes).
    return this.executeQuery(
      statement.sql,
      async () => {
        const query = this.getKnex().raw(statement.sql, statement.bindings as Knex.RawBinding[]);
        if (transaction) void query.transacting(transaction);
        const result: unknown = await query;
        return this.transformRawResult<T>(result, method);
      },
      { query: statement.sql, ...loggerContext },
    );
  }
}

/**
 * The libsql driver, on a connection that binds values (see `BoundLibSqlConnection`).
 *
 * A flush writes a changed aggregate with one versioned update by key. The query builder built
 * that statement anew for every write (criteria nodes, knex's compiler), which cost more CPU than
 * SQLite's running it; this driver builds it once per entity and set of changed columns and binds
 * the values. Anything else — other criteria, upserts, relations, values it does not know to bind
 * as they are — goes the query builder's way, as before.
 */
export class BoundLibSqlDriver extends AbstractSqlDriver<BoundLibSqlConnection, LibSqlPlatform> {
  /** The versioned updates' SQL, per entity and set of changed properties. */
  private readonly updates = new WeakMap<object, Map<string, string>>();

  constructor(config: Configuration) {
    super(config, new LibSqlPlatform(), BoundLibSqlConnection, ['knex', 'libsql']);
  }

  override async nativeUpdate<T extends object>(
    entityName: string,
    where: FilterQuery<T>,
    data: EntityDictionary<T>,
    options: NativeInsertUpdateOptions<T> & UpsertOptions<T> = {},
  ): Promise<QueryResult<T>> {
    const update = this.versionedUpdate(entityName, where, data, options);
    if (!update) return super.nativeUpdate(entityName, where, data, options);
    const rows = await this.rethrow(
      this.connection.execute<EntityData<AnyEntity>[]>(
        update.sql,
        update.values,
        'all',
        options.ctx,
        options.loggerContext,
      ),
    );
    // What the query builder's `update … returning version` answers.
    return { insertId: 0, affectedRows: rows.length, row: rows[0] ?? {}, rows } as QueryResult<T>;
  }

  /**
   * The flush's write of one changed aggregate — `where` its key and version, `data` the changed
   * scalar properties as the unit of work prepared them — as `update … set …, version = version + 1
   * where key = ? and version = ? returning version`; undefined for anything else.
   */
  private versionedUpdate(
    entityName: string,
    where: unknown,
    data: Record<string, unknown>,
    options: { readonly upsert?: boolean; readonly convertCustomTypes?: boolean; readonly schema?: string },
  ): { sql: string; values: unknown[] } | undefined {
    if (options.upsert || options.convertCustomTypes !== false || options.schema) return undefined;
    const meta = this.metadata.find(entityName);
    if (!meta?.versionProperty || meta.relations.length > 0 || meta.primaryKeys.length !== 1) {
      return undefined;
    }
    const pk: string = meta.primaryKeys[0]!;
    const version: string = meta.versionProperty;
    if (!Utils.isPlainObject(where)) return undefined;
    const condition = where as Record<string, unknown>;
    const [keyValue, versionValue] = [condition[pk], condition[version]];
    if (Object.keys(condition).length !== 2 || !plain(keyValue) || typeof versionValue !== 'number') {
      return undefined;
    }
    const keys = Object.keys(data);
    if (keys.length === 0 || keys.includes(version)) return undefined;
    const columns: string[] = [];
    for (const key of keys) {
      const column = columnOf(meta.properties[key as never]);
      if (column === undefined || !plain(data[key])) return undefined;
      columns.push(column);
    }
    let byShape = this.updates.get(meta);
    if (!byShape) this.updates.set(meta, (byShape = new Map<string, string>()));
    const shape = keys.join('\u0000');
    let sql = byShape.get(shape);
    if (sql === undefined) {
      const pkColumn = columnOf(meta.properties[pk as never]);
      const versionColumn = columnOf(meta.properties[version as never]);
      if (pkColumn === undefined || versionColumn === undefined) return undefined;
      const quote = (name: string) => this.platform.quoteIdentifier(name);
      sql =
        `update ${quote(meta.tableName)} set ${columns.map((c) => `${quote(c)} = ?`).join(', ')}, ` +
        `${quote(versionColumn)} = ${quote(versionColumn)} + 1 ` +
        `where ${quote(pkColumn)} = ? and ${quote(versionColumn)} = ? returning ${quote(versionColumn)}`;
      byShape.set(shape, sql);
    }
    return { sql, values: [...keys.map((key) => data[key]), keyValue, versionValue] };
  }
}

/** The one column of a scalar property; undefined for anything else (an embeddable, a formula, …). */
function columnOf(prop: EntityProperty | undefined): string | undefined {
  if (!prop || prop.kind !== ReferenceKind.SCALAR || prop.fieldNames?.length !== 1) return undefined;
  if (prop.persist === false || prop.formula || prop.generated) return undefined;
  return prop.fieldNames[0];
}

/** A value the connection binds as it is (see `bindable`): no raw SQL, no object but a date. */
function plain(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  );
}
