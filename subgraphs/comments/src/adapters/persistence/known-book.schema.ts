import { EntitySchema } from '@mikro-orm/core';
import { KnownBook } from '../../domain';

export const KnownBookSchema = new EntitySchema<KnownBook>({
  class: KnownBook,
  tableName: 'known_book',
  properties: {
    bookId: { type: 'string', primary: true },
    addedAt: { type: 'Date' },
  },
});
