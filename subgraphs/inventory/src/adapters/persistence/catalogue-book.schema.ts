import { EntitySchema } from '@mikro-orm/core';
import { CatalogueBook } from '../../domain';

/** Inventory's read model of catalogue's books; the primary key makes registration idempotent. */
export const CatalogueBookSchema = new EntitySchema<CatalogueBook>({
  class: CatalogueBook,
  properties: {
    bookId: { type: 'string', primary: true },
    isbn: { type: 'string' },
    title: { type: 'text' },
    addedAt: { type: 'Date' },
  },
});
