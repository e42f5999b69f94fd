import {
  Utils,
  type EntityDictionary,
  type EntityMetadata,
  type FilterQuery,
  type NativeInsertUpdateManyOptions,
  type NativeInsertUpdateOptions,
  type QueryResult,
  type UpsertOptions,
} from '@mikro-orm/core';
import { MongoDriver, MongoPlatform } from '@mikro-orm/mongodb';

/**
 * The mongo platform, saying that its writes answer what they stored: {@link VersionedMongoDriver}
 * answers each insert's and versioned update's new version, so MikroORM's unit of work takes it
 * from the write's answer instead of reading every written document back for it.
 */
class AnsweringMongoPlatform extends MongoPlatform {
  override usesReturningStatement(): boolean {
    return true;
  }
}

/**
 * MikroORM's MongoDB driver, without a read after each write of a versioned entity.
 *
 * MongoDB has no `returning`, so after every insert and every versioned update a flush made, the
 * unit of work read the document back for its new version: a second round trip per write (six
 * reads in one borrow, one in inventory's reservation). The new version is known without it. An
 * insert stores the version the aggregate was created with (1), and a flush's update is
 * conditioned on the version it read (`{ _id, version: n }`), so a document it changed holds
 * n + 1: this driver writes n + 1 itself (`$set`, where MikroORM writes `$inc: 1`, the same under
 * that filter) and answers it as the row a `returning` would have given. An update whose new
 * version cannot be told (no version in its filter or its data) keeps `$inc` and answers no row;
 * every versioned entity here is an aggregate, created at version 1, so the unit of work's own
 * updates always carry theirs (docs/adr/0025-mongodb-writes-answer-their-version.md). Nothing here
 * uses `em.upsert`/`upsertMany`: a platform that claims `returning` makes them trust the driver's
 * rows, so they would need their rows answered too before they are used on MongoDB.
 */
export class VersionedMongoDriver extends MongoDriver {
  override readonly platform = new AnsweringMongoPlatform();

  override async nativeInsertMany<T extends object>(
    entityName: string,
    data: EntityDictionary<T>[],
    options: NativeInsertUpdateManyOptions<T> = {},
  ): Promise<QueryResult<T>> {
    const result = await super.nativeInsertMany(entityName, data, options);
    const meta = this.versioned(entityName);
    if (!meta || !result.rows) return result;
    // Each document as inserted: the driver has set the version of any that had none (1).
    const field = versionField(meta);
    const version = (index: number): unknown =>
      (data[index] as Record<string, unknown>)[meta.versionProperty];
    const rows = result.rows.map((row, index) => ({ ...row, [field]: version(index) }));
    // A single new entity's insert reads `row`, a batch's `rows`.
    return { ...result, rows, row: rows[0] };
  }

  override async nativeUpdate<T extends object>(
    entityName: string,
    where: FilterQuery<T>,
    data: EntityDictionary<T>,
    options: NativeInsertUpdateOptions<T> & UpsertOptions<T> = {},
  ): Promise<QueryResult<T>> {
    const meta = options.upsert ? undefined : this.versioned(entityName);
    const version = meta ? nextVersion(meta, where, data) : undefined;
    if (meta === undefined || version === undefined)
      return super.nativeUpdate(entityName, where, data, options);
    const written: EntityDictionary<T> = { ...data, [meta.versionProperty]: version };
    const result = await super.nativeUpdate(entityName, where, written, options);
    result.row = { [versionField(meta)]: version };
    return result;
  }

  /** The metadata of an entity with a numeric version, else undefined. */
  private versioned(entityName: string): EntityMetadata | undefined {
    const meta = this.metadata.find(entityName);
    if (!meta?.versionProperty) return undefined;
    return meta.properties[meta.versionProperty]?.runtimeType === 'number' ? meta : undefined;
  }
}

/** The version an update leaves: the one it sets, or one past the one its filter requires. */
function nextVersion(
  meta: EntityMetadata,
  where: unknown,
  data: Record<string, unknown>,
): number | undefined {
  const set = data[meta.versionProperty];
  if (typeof set === 'number') return set;
  if (set !== undefined || !Utils.isPlainObject(where)) return undefined;
  const required = (where as Record<string, unknown>)[meta.versionProperty];
  return typeof required === 'number' ? required + 1 : undefined;
}

function versionField(meta: EntityMetadata): string {
  return meta.properties[meta.versionProperty]?.fieldNames[0] ?? meta.versionProperty;
}
