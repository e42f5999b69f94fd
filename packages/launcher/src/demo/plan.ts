/**
 * Who the demo library's members are and what they did: a librarian (created at start-up, like the
 * admin), the demo reader whose sign-in the banner prints, and five more readers. Each reader
 * borrowed and returned the books listed (the loans are dated at the first start: the API lends
 * now, not in the past), so the ranking board has entries, and some wrote a comment. Books are
 * named by title (books.ts); a unit test checks every title is there.
 */

/** The demo librarian: LIBRARIAN role, created by members at start-up (settings.librarian). */
export const DEMO_LIBRARIAN_EMAIL = 'librarian@example.org';

export interface DemoReader {
  readonly name: string;
  readonly email: string;
  /** Titles the reader borrowed and returned, in that order. */
  readonly borrowed: readonly string[];
}

/**
 * The first is the demo reader, whose sign-in the banner prints. Five books each: one borrowBooks
 * at the default loan limit, thirty loans in all, enough for a ranking with a clear top.
 */
export const DEMO_READERS: readonly DemoReader[] = [
  {
    name: 'Demo Reader',
    email: 'reader@example.org',
    borrowed: [
      'Pride and Prejudice',
      'Frankenstein',
      'The Adventures of Sherlock Holmes',
      "Alice's Adventures in Wonderland",
      'The Great Gatsby',
    ],
  },
  {
    name: 'Maya Okafor',
    email: 'maya@example.org',
    borrowed: ['Pride and Prejudice', 'Jane Eyre', 'Wuthering Heights', 'Dracula', 'Frankenstein'],
  },
  {
    name: 'Tomás Rivera',
    email: 'tomas@example.org',
    borrowed: [
      'The Adventures of Sherlock Holmes',
      'The Hound of the Baskervilles',
      'The Count of Monte Cristo',
      'Moby-Dick',
      'The Great Gatsby',
    ],
  },
  {
    name: 'Ingrid Holm',
    email: 'ingrid@example.org',
    borrowed: [
      'Crime and Punishment',
      'Metamorphosis',
      'Pride and Prejudice',
      'The Great Gatsby',
      'A Christmas Carol',
    ],
  },
  {
    name: 'Kenji Sato',
    email: 'kenji@example.org',
    borrowed: [
      'The Time Machine',
      'The War of the Worlds',
      'Frankenstein',
      'Dracula',
      'The Adventures of Sherlock Holmes',
    ],
  },
  {
    name: 'Priya Nair',
    email: 'priya@example.org',
    borrowed: [
      'Pride and Prejudice',
      "Alice's Adventures in Wonderland",
      'The Wonderful Wizard of Oz',
      'The Secret Garden',
      'A Christmas Carol',
    ],
  },
];

export interface DemoComment {
  /** The reader's e-mail (one of {@link DEMO_READERS}). */
  readonly by: string;
  readonly title: string;
  /** Stars, 1 to 5; none for a comment without a rating. */
  readonly rating?: number;
  readonly body: string;
}

/** At most one comment per reader and book: that is how a resumed seed knows one is written. */
export const DEMO_COMMENTS: readonly DemoComment[] = [
  {
    by: 'reader@example.org',
    title: 'Pride and Prejudice',
    rating: 5,
    body: "Funnier than I expected. Mr Collins's proposal had me laughing out loud.",
  },
  {
    by: 'reader@example.org',
    title: 'The Great Gatsby',
    rating: 4,
    body: "Every sentence is polished. Nick is a narrator you shouldn't quite trust.",
  },
  {
    by: 'maya@example.org',
    title: 'Jane Eyre',
    rating: 5,
    body: 'Jane speaks her mind in every chapter. The Thornfield part is wonderful.',
  },
  {
    by: 'maya@example.org',
    title: 'Wuthering Heights',
    rating: 3,
    body: "Beautifully written, but I couldn't like anyone in it. Maybe that is the point.",
  },
  {
    by: 'tomas@example.org',
    title: 'The Count of Monte Cristo',
    rating: 5,
    body: 'Long, but I never wanted it to end. The prison chapters are the best part.',
  },
  {
    by: 'tomas@example.org',
    title: 'Moby-Dick',
    rating: 3,
    body: 'The chase is thrilling; the chapters on whale anatomy less so. Worth it for Ahab.',
  },
  {
    by: 'tomas@example.org',
    title: 'The Hound of the Baskervilles',
    rating: 5,
    body: 'The moor is as much a character as Holmes. Perfect for a dark evening.',
  },
  {
    by: 'ingrid@example.org',
    title: 'Crime and Punishment',
    rating: 4,
    body: "Hard to put down for a book that is mostly inside one man's head.",
  },
  {
    by: 'ingrid@example.org',
    title: 'Metamorphosis',
    body: "Read it in one sitting. I still can't decide whether it is tragic or funny.",
  },
  {
    by: 'kenji@example.org',
    title: 'The Time Machine',
    rating: 4,
    body: 'Short and full of ideas. The Morlocks are creepier than most modern monsters.',
  },
  {
    by: 'kenji@example.org',
    title: 'Frankenstein',
    rating: 5,
    body: 'Nothing like the films: the creature talks, reads Milton, and is the one you feel for.',
  },
  {
    by: 'priya@example.org',
    title: "Alice's Adventures in Wonderland",
    rating: 5,
    body: 'Read it aloud to my children; the Mad Tea-Party is as good as ever.',
  },
  {
    by: 'priya@example.org',
    title: 'The Secret Garden',
    rating: 4,
    body: 'A gentle book about getting better, slowly. Lovely descriptions of the garden in spring.',
  },
];
