import { pageSize } from '@shelfmark/subgraph-kit';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
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

  /**
   * Declared here so that it is part of the supergraph: analytics owns the ranking. The router
   * serves it (docs/adr/0013-federated-subscriptions.md); this subgraph never does.
   */
  @Subscription(() => [RankingEntryType], {
    description: 'The ranking, pushed again whenever it changes (bursts are coalesced).',
    subscribe: servedByTheRouter,
  })
  rankingChanged(
    @Arg('window', () => RankingWindow, { defaultValue: RankingWindow.ALL_TIME }) _window: RankingWindow,
    @Arg('subject', () => String, { nullable: true, description: 'Only books with this subject.' })
    _subject?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'How many entries, 1 to 100.' })
    _first?: number | null,
  ): RankingEntry[] {
    return [];
  }

  @FieldResolver(() => BookReference)
  book(@Root() entry: RankingEntry): BookReference {
    return { id: entry.bookId };
  }
}

/** A subgraph is never asked for a subscription: the router serves them. */
function servedByTheRouter(): never {
  throw new GraphQLError('Subscriptions are served by the router, not by a subgraph.', {
    extensions: { code: 'BAD_REQUEST' },
  });
}
