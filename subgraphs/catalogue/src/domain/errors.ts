import { AlreadyExists } from '@shelfmark/errors';

export class DuplicateIsbn extends AlreadyExists {
  constructor(isbn: string) {
    super(`A book with ISBN ${isbn} is already in the catalogue.`, { field: 'isbn', isbn });
  }
}
