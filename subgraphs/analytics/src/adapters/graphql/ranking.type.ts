import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RankingWindow } from '../../domain';
import { BookReference } from './book.type';

registerEnumType(RankingWindow, {
  name: 'RankingWindow',
  description: 'Which borrows a ranking counts.',
  valuesConfig: {
    ALL_TIME: { description: 'Every borrow ever.' },
    LAST_7_DAYS: { description: 'Borrows of the last 7 days (7 × 24 hours).' },
    LAST_30_DAYS: { description: 'Borrows of the last 30 days (30 × 24 hours).' },
  },
});

@ObjectType('RankingEntry', { description: 'A place in the ranking of most borrowed books.' })
export class RankingEntryType {
  @Field(() => Int, { description: '1 for the most borrowed; equal counts are ordered by book id.' })
  rank!: number;

  // Resolved from the entry's book id by RankingResolver.
  @Field(() => BookReference)
  book!: BookReference;

  @Field(() => Int, { description: 'Borrows within the window.' })
  borrowCount!: number;
}
