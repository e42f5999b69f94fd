import { EntitySchema } from '@mikro-orm/core';
import { KnownBook } from '../../domain';

export const KnownBookSchema = new EntitySchema<KnownBook>({
  class: KnownBook,
  properties: {
    bookId: { type: 'string', primary: true },
    title: { type: 'string' },
  },
});
