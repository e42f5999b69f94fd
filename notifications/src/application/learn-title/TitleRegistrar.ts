import { BookTitle, type Directory } from '../../domain';

/** Keeps a new book's title, so mails about it can name it. */
export class TitleRegistrar {
  constructor(private readonly directory: Directory) {}

  async register(bookId: string, title: string): Promise<void> {
    await this.directory.learnTitle(new BookTitle(bookId, title));
  }
}
