import { pageSize } from '@shelfmark/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { RankingWindow, type RankingEntry } from '../../domain';
import { BookReference } from './book.type';
import type { AnalyticsContext } from './context';
import { RankingEntryType } from './ranking.type';

@Resolver(() => RankingEntryType)
export class RankingResolver {
  @Query(() => [RankingEntryType], {
    description: 'The most borrowed books; books never borrowed are not ranked.',
  })
  ranking(
    @Ctx() ctx: AnalyticsContext,
    @Arg('window', () => RankingWindow, { defaultValue: RankingWindow.ALL_TIME }) window: RankingWindow,
    @Arg('subject', () => String, { nullable: true, description: 'Only books with this subject.' })
    subject?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'How many entries, 1 to 100.' })
    first?: number | null,
  ): Promise<RankingEntry[]> {
    return ctx.rankBooks.rank({ window, subject: subject ?? null, first: pageSize(first, 10) });
  }

  @FieldResolver(() => BookReference)
  book(@Root() entry: RankingEntry): BookReference {
    return { id: entry.bookId };
  }
}
