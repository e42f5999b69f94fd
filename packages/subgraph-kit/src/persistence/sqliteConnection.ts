/**
 * What a subgraph's SQLite database has changed since it opened, as one number: every statement
 * that may write (anything but a `select`: inserts, updates, deletes, and `BEGIN`/`COMMIT`/
 * `ROLLBACK`) adds one once it has run. A reader that notes the number before it reads and finds it
 * unchanged afterwards knows no write committed in between, and that nothing it read is older than
 * the last commit: the router's answer cache (docs/adr/0022-answer-cache.md) keeps an answer only
 * then, and serves it only while the number stays the same.
 */
export class DatabaseWrites {
  private count = 0;

  get generation(): number {
    return this.count;
  }

  /** Called once a statement that may have changed data has run (committed, if on its own). */
  changed(): void {
    this.count += 1;
  }
}

/** The part of a libsql statement this module touches. */
type Run = (this: Statement, ...args: unknown[]) => unknown;
interface Statement {
  run: Run;
  get: Run;
  all: Run;
  iterate: Run;
}

/** The part of a libsql connection this module touches. */
export interface SqliteConnection {
  prepare(sql: string): unknown;
  exec(sql: string): unknown;
}

/** How many prepared statements each connection keeps; a subgraph runs a few dozen distinct ones. */
export const STATEMENTS_KEPT = 256;

/**
 * Keeps each connection's prepared statements by SQL text, and counts its writes in `writes`.
 *
 * knex's libsql dialect prepares every query anew (`connection.prepare(sql)`, then runs it once):
 * SQLite parsed and planned the same few dozen statements on every request, a fixed cost of each
 * (5 % of the book page's CPU in a profile). A prepared statement is reusable — each run binds its
 * own values after resetting it — so the same text gets the same statement again, the least
 * recently used dropped beyond `capacity`. Statements belong to their connection, as SQLite
 * requires; a connection the pool retires takes its statements with it.
 */
export function reuseStatements(
  connection: SqliteConnection,
  writes: DatabaseWrites | undefined,
  capacity = STATEMENTS_KEPT,
): void {
  const prepare = connection.prepare.bind(connection);
  const kept = new Map<string, Statement>();
  connection.prepare = (sql: string) => {
    let statement = kept.get(sql);
    if (statement) {
      // Most recently used last.
      kept.delete(sql);
    } else {
      statement = prepare(sql) as Statement;
      if (writes && !isRead(sql)) countWrites(statement, writes);
      if (kept.size >= capacity) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return statement;
  };
  if (writes) {
    const exec = connection.exec.bind(connection);
    connection.exec = (sql: string) => {
      try {
        return exec(sql);
      } finally {
        if (!isRead(sql)) writes.changed();
      }
    };
  }
}

/** A `select`: it can change nothing. Anything else might (a CTE, a pragma), so it counts. */
function isRead(sql: string): boolean {
  return /^\s*select\b/i.test(sql);
}

/** Adds one to `writes` after each run of `statement`, whether it succeeded or not. */
function countWrites(statement: Statement, writes: DatabaseWrites): void {
  // Not `all`: libsql's `all` runs through `iterate`, which counts it.
  for (const method of ['run', 'get', 'iterate'] as const) {
    const original = statement[method];
    statement[method] = function (this: Statement, ...args: unknown[]) {
      try {
        return original.apply(this, args);
      } finally {
        writes.changed();
      }
    };
  }
}
