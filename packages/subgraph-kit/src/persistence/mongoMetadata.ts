import {
  ReferenceKind,
  type EntityMetadata,
  type EntityProperty,
  type MetadataStorage,
} from '@mikro-orm/core';

/*
 * How the entity schemas, written once for both drivers, are laid out on MongoDB (discovery hooks
 * of the mongo driver only; SQLite is untouched):
 *
 * - the primary key (a string id the domain chooses, named `id` or e.g. `bookId`) is the
 *   document's `_id`, unique and indexed by MongoDB itself;
 * - an embeddable (e.g. a member's card) is a nested document, `card: { number, … }`, or `null`
 *   while there is none, rather than prefixed top-level fields;
 * - a unique index over a field that may be absent indexes only the documents that have it. For a
 *   field inside a nullable embeddable that is MikroORM's sparse index over the nested path
 *   (`card.number`): a member without a card has no `card.number`, so it takes no slot. A nullable
 *   top-level field is stored as `null` instead, which a sparse index would still index; it gets a
 *   partial index over the documents where it holds a value of its type.
 */

/** `discovery.onMetadata`: before MikroORM derives field names and embeddings. */
export function layOutForMongo(meta: EntityMetadata): void {
  for (const prop of Object.values(meta.properties)) {
    if (prop.primary) prop.fieldNames = ['_id'];
    if (prop.kind === ReferenceKind.EMBEDDED) prop.object = true;
  }
}

/** `discovery.afterDiscovered`: once every property has its final field name. */
export function indexNullableUniquesPartially(storage: MetadataStorage): void {
  for (const meta of Object.values(storage.getAll())) {
    if (meta.embeddable || meta.abstract) continue;
    for (const prop of meta.props) {
      const field = prop.fieldNames?.[0];
      if (!prop.unique || !prop.nullable || !field || prop.primary || prop.embeddedPath) continue;
      meta.uniques.push({
        properties: [prop.name],
        name: typeof prop.unique === 'string' ? prop.unique : `${field}_1`,
        options: { partialFilterExpression: { [field]: { $type: bsonType(prop) } } },
      });
      prop.unique = false;
    }
  }
}

const BSON_TYPES: Partial<Record<EntityProperty['runtimeType'], string>> = {
  number: 'number',
  Date: 'date',
  boolean: 'bool',
};

function bsonType(prop: EntityProperty): string {
  return BSON_TYPES[prop.runtimeType] ?? 'string';
}
