import type { EntitySchema } from '@mikro-orm/core';
import { openDatabase, type DatabaseConfig } from '@shelfmark/subgraph-kit';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { tempDir } from './tempDir';

/** A database of the test file's own on the driver its jest project runs (SQLite, or MongoDB). */
export interface TestDatabase {
  readonly config: DatabaseConfig;
  /** `SQLite` or `MongoDB`, for test names. */
  readonly driverName: string;
  /** Removes it: the SQLite file's folder, or the MongoDB database's collections. */
  drop(entities: readonly EntitySchema[]): Promise<void>;
}

/**
 * SQLite in a temporary folder, unless the mongo jest project runs the file
 * (`SHELFMARK_TEST_DATABASE=mongodb`, `MONGODB_URL`): then a fresh database on that server.
 * Nothing is created before first use, so a file whose suites are skipped leaves nothing behind.
 */
export function testDatabase(name: string): TestDatabase {
  if (process.env.SHELFMARK_TEST_DATABASE === 'mongodb') {
    const dbName = `test_${name}_${randomBytes(6).toString('hex')}`;
    const config = (): DatabaseConfig => {
      const url = process.env.MONGODB_URL;
      if (!url)
        throw new Error('SHELFMARK_TEST_DATABASE=mongodb needs MONGODB_URL (set by the mongo jest project)');
      return { driver: 'mongodb', url, dbName };
    };
    return {
      get config() {
        return config();
      },
      driverName: 'MongoDB',
      async drop(entities) {
        const orm = await openDatabase(config(), entities);
        try {
          await orm.getSchemaGenerator().dropSchema();
        } finally {
          await orm.close(true);
        }
      },
    };
  }
  let dir: ReturnType<typeof tempDir> | undefined;
  const folder = () => (dir ??= tempDir());
  return {
    get config() {
      return { driver: 'sqlite', path: join(folder().path, `${name}.sqlite`) } as const;
    },
    driverName: 'SQLite',
    drop: () => Promise.resolve(dir?.cleanup()),
  };
}
