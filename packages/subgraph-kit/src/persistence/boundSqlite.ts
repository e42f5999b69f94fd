import {
  JsonProperty,
  ReferenceKind,
  Utils,
  type AnyEntity,
  type Configuration,
  type EntityData,
  type EntityDictionary,
  type EntityMetadata,
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
 * Most updates are by equality on a few columns: a flush's write of one changed aggregate (by its
 * key and version), a worker's claim of a row. The query builder built each of those statements
 * anew on every write (criteria nodes, knex's compiler), which cost more CPU than SQLite's running
 * it; this driver builds the same statement once per entity and set of columns and binds the
 * values (docs/adr/0024-sqlite-writes-without-the-query-builder.md). Anything else — other
 * operators, upserts, relations, custom types still to convert, values it does not bind as they
 * are — goes the query builder's way, as before.
 */
export class BoundLibSqlDriver extends AbstractSqlDriver<BoundLibSqlConnection, LibSqlPlatform> {
  /** The equality updates' SQL, per entity and shape (columns set, compared, converted); null: the builder's. */
  private readonly updates = new WeakMap<object, Map<string, EqualityUpdate | null>>();

  constructor(config: Configuration) {
    super(config, new LibSqlPlatform(), BoundLibSqlConnection, ['knex', 'libsql']);
  }

  override async nativeUpdate<T extends object>(
    entityName: string,
    where: FilterQuery<T>,
    data: EntityDictionary<T>,
    options: NativeInsertUpdateOptions<T> & UpsertOptions<T> = {},
  ): Promise<QueryResult<T>> {
    const update = this.equalityUpdate(entityName, where, data, options);
    if (!update) return super.nativeUpdate(entityName, where, data, options);
    const { sql, returning } = update.statement;
    const run = (method: 'all' | 'run') =>
      this.rethrow(
        this.connection.execute<QueryResult>(sql, update.values, method, options.ctx, options.loggerContext),
      );
    if (!returning) return (await run('run')) as QueryResult<T>;
    // What the query builder's `update … returning version` answers.
    const rows = (await run('all')) as unknown as EntityData<AnyEntity>[];
    return { insertId: 0, affectedRows: rows.length, row: rows[0] ?? {}, rows } as unknown as QueryResult<T>;
  }

  /**
   * `update … set a = ?, … where x = ? and …`, with `version = version + 1` (unless set) and
   * `returning version` for a versioned entity, as the query builder writes it, when every column
   * set and compared is a scalar of its own and every value is bound as it is; undefined for
   * anything else. What the columns allow is decided once per entity and shape; each call only
   * looks at its values.
   */
  private equalityUpdate(
    entityName: string,
    where: unknown,
    data: Record<string, unknown>,
    options: { readonly upsert?: boolean; readonly convertCustomTypes?: boolean; readonly schema?: string },
  ): { statement: EqualityUpdate; values: unknown[] } | undefined {
    if (options.upsert || options.schema || !Utils.isPlainObject(where)) return undefined;
    const meta = this.metadata.find(entityName);
    if (!meta) return undefined;
    const condition = where as Record<string, unknown>;
    const compared = Object.keys(condition);
    const set = Object.keys(data);
    // Without the unit of work's conversion done (`convertCustomTypes`), a custom type's value
    // would still need converting: the query builder does that.
    const converted = options.convertCustomTypes === false;
    let byShape = this.updates.get(meta);
    if (!byShape) this.updates.set(meta, (byShape = new Map<string, EqualityUpdate | null>()));
    const shape = `${set.join(',')}|${compared.join(',')}|${converted}`;
    let statement = byShape.get(shape);
    if (statement === undefined) {
      statement = this.buildEqualityUpdate(meta, set, compared, converted);
      byShape.set(shape, statement);
    }
    if (!statement) return undefined;
    const values = [...set.map((key) => data[key]), ...compared.map((key) => condition[key])];
    // Values compared are never null: `= null` matches nothing, where the builder writes `is null`.
    if (!values.every(plain) || compared.some((key) => condition[key] === null)) return undefined;
    return { statement, values };
  }

  /** The statement for one shape of update of `meta`, or null when the query builder must write it. */
  private buildEqualityUpdate(
    meta: EntityMetadata,
    set: readonly string[],
    compared: readonly string[],
    converted: boolean,
  ): EqualityUpdate | null {
    if (set.length === 0 || compared.length === 0) return null;
    if (meta.relations.length > 0 || meta.props.some((prop) => prop.generated)) return null;
    const columns = (keys: readonly string[]) =>
      keys.map((key) => {
        const prop = meta.properties[key as never] as EntityProperty | undefined;
        return converted || !prop?.customType ? columnOf(prop) : undefined;
      });
    const setColumns = columns(set);
    const comparedColumns = columns(compared);
    if (![...setColumns, ...comparedColumns].every((column) => column !== undefined)) return null;
    const versionProp = meta.versionProperty ? meta.properties[meta.versionProperty as never] : undefined;
    const version = versionProp ? columnOf(versionProp) : undefined;
    if (versionProp && (version === undefined || versionProp.runtimeType === 'Date')) return null;
    const quote = (name: string | undefined) => this.platform.quoteIdentifier(name!);
    const assignments = setColumns.map((column) => `${quote(column)} = ?`);
    // Moved on by one unless the update sets it itself (the relay's mark-published does).
    if (version && !set.includes(meta.versionProperty)) {
      assignments.push(`${quote(version)} = ${quote(version)} + 1`);
    }
    return {
      sql:
        `update ${quote(meta.tableName)} set ${assignments.join(', ')} ` +
        `where ${comparedColumns.map((column) => `${quote(column)} = ?`).join(' and ')}` +
        (version ? ` returning ${quote(version)}` : ''),
      returning: version !== undefined,
    };
  }
}

/** An update's SQL, and whether it answers rows (a versioned entity's new version). */
interface EqualityUpdate {
  readonly sql: string;
  readonly returning: boolean;
}

/** The one column of a scalar property; undefined for anything else (an embeddable, a formula, …). */
export function columnOf(prop: EntityProperty | undefined): string | undefined {
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
