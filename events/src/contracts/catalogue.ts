import { z } from 'zod';

/** A librarian added a book to the catalogue. Inventory learns from it which books exist. */
export const bookAddedV1 = z.object({
  bookId: z.string().min(1),
  isbn: z.string().regex(/^\d{13}$/),
  title: z.string().min(1),
  subtitle: z.string().nullable(),
  authors: z.array(z.string().min(1)),
  subjects: z.array(z.string().min(1)),
  language: z.string().nullable(),
  publishedYear: z.number().int().nullable(),
});

export const catalogueEvents = {
  'shelfmark.catalogue.book-added.v1': bookAddedV1,
} as const;
