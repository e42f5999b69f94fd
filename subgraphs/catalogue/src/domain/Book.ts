import { InvalidInput } from '@shelfmark/errors';
import { AggregateRoot } from '@shelfmark/events';
import { Isbn } from './Isbn';

export interface NewBook {
  readonly isbn: string;
  readonly title: string;
  readonly subtitle?: string | null;
  readonly authors: readonly string[];
  readonly subjects?: readonly string[] | null;
  readonly language?: string | null;
  readonly publishedYear?: number | null;
  readonly coverUrl?: string | null;
  readonly description?: string | null;
}

/** A title the library catalogues. Copies of it are inventory's business, loans are loans'. */
export class Book extends AggregateRoot {
  id!: string;
  isbn!: string;
  title!: string;
  subtitle!: string | null;
  authors!: string[];
  subjects!: string[];
  language!: string | null;
  publishedYear!: number | null;
  coverUrl!: string | null;
  description!: string | null;
  addedAt!: Date;
  /** Lower-cased title: the sort key of the catalogue. */
  titleKey!: string;
  /** Lower-cased title, subtitle, authors and ISBN: what a search matches. */
  searchText!: string;
  /** `|subject|subject|`, so "has subject" is a substring test on every database. */
  subjectsKey!: string;

  static add(id: string, input: NewBook, now: Date): Book {
    const book = new Book();
    book.id = id;
    book.isbn = Isbn.parse(input.isbn).value;
    book.title = text('title', input.title, 500);
    book.subtitle = optionalText('subtitle', input.subtitle, 500);
    book.authors = list('authors', input.authors, 1, 20, 200);
    book.subjects = [...new Set(list('subjects', input.subjects ?? [], 0, 20, 100).map(normaliseSubject))];
    book.language = language(input.language);
    book.publishedYear = year(input.publishedYear, now);
    book.coverUrl = url(input.coverUrl);
    book.description = optionalText('description', input.description, 5_000);
    book.addedAt = now;
    book.titleKey = book.title.toLowerCase();
    book.searchText = [book.title, book.subtitle, ...book.authors, book.isbn]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    book.subjectsKey = `|${book.subjects.join('|')}|`;
    book.record(
      'shelfmark.catalogue.book-added.v1',
      book.id,
      {
        bookId: book.id,
        isbn: book.isbn,
        title: book.title,
        subtitle: book.subtitle,
        authors: book.authors,
        subjects: book.subjects,
        language: book.language,
        publishedYear: book.publishedYear,
      },
      now,
    );
    return book;
  }
}

export function normaliseSubject(subject: string): string {
  return subject.trim().replace(/\s+/g, ' ').toLowerCase();
}

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw new InvalidInput(field, `The ${field} must not be empty.`);
  if (trimmed.length > max) throw new InvalidInput(field, `The ${field} must be at most ${max} characters.`);
  return trimmed;
}

function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return text(field, value, max);
}

function list(
  field: string,
  values: readonly string[],
  min: number,
  max: number,
  maxLength: number,
): string[] {
  const cleaned = values.map((v) => v.trim()).filter(Boolean);
  if (cleaned.length < min)
    throw new InvalidInput(field, `A book needs at least ${min} ${field.replace(/s$/, '')}.`);
  if (cleaned.length > max) throw new InvalidInput(field, `A book has at most ${max} ${field}.`);
  const long = cleaned.find((v) => v.length > maxLength);
  if (long) throw new InvalidInput(field, `Each of the ${field} must be at most ${maxLength} characters.`);
  return cleaned;
}

function language(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const tag = value.trim();
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(tag)) {
    throw new InvalidInput('language', `"${tag}" is not a language tag; use one like "en" or "pt-BR".`);
  }
  return tag;
}

function year(value: number | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null;
  const latest = now.getUTCFullYear() + 1;
  if (!Number.isInteger(value) || value < -3000 || value > latest) {
    throw new InvalidInput(
      'publishedYear',
      `The published year must be a whole year no later than ${latest}.`,
    );
  }
  return value;
}

function url(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    const parsed = new URL(value.trim());
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.toString();
  } catch {
    /* fall through */
  }
  throw new InvalidInput('coverUrl', 'The cover URL must be an http(s) address.');
}
