import type { MikroORM } from '@mikro-orm/core';
import { insertIfAbsent, rowBy } from '@shelfmark/subgraph-kit';
import type { BookTitle, Directory, Recipient } from '../../domain';
import { BookTitleSchema, RecipientSchema } from './schemas';

/** The worker's read model of readers and titles, keyed by the ids the events carry. */
export class MikroOrmDirectory implements Directory {
  constructor(private readonly orm: MikroORM) {}

  async learnRecipient(recipient: Recipient): Promise<void> {
    const em = this.orm.em.fork();
    if ((await em.count(RecipientSchema, { memberId: recipient.memberId })) > 0) return;
    await insertIfAbsent(em, recipient);
  }

  async learnTitle(book: BookTitle): Promise<void> {
    const em = this.orm.em.fork();
    if ((await em.count(BookTitleSchema, { bookId: book.bookId })) > 0) return;
    await insertIfAbsent(em, book);
  }

  // Both read once per mail sent: by key, with the kit's lookup.
  recipient(memberId: string): Promise<Recipient | null> {
    return rowBy(this.orm.em.fork(), RecipientSchema, { memberId });
  }

  async title(bookId: string): Promise<string | null> {
    return (await rowBy(this.orm.em.fork(), BookTitleSchema, { bookId }))?.title ?? null;
  }
}
