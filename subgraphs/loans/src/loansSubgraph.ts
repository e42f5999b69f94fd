import { buildFederatedSchema, type SubgraphDefinition } from '@shelfmark/subgraph-kit';
import { CirculationReader } from './application/read-circulation/CirculationReader';
import { BookResolver } from './adapters/graphql/book.resolver';
import { BookReference } from './adapters/graphql/book.type';
import { CopyReference } from './adapters/graphql/copy.type';
import {
  byIdLoader,
  groupedLoader,
  memberRecordsLoader,
  type LoansContext,
} from './adapters/graphql/context';
import { HoldResolver } from './adapters/graphql/hold.resolver';
import { HoldType } from './adapters/graphql/hold.type';
import { LoanResolver } from './adapters/graphql/loan.resolver';
import { LoanType } from './adapters/graphql/loan.type';
import { MemberResolver } from './adapters/graphql/member.resolver';
import { MemberReference } from './adapters/graphql/member.type';
import { HoldSchema } from './adapters/persistence/hold.schema';
import { LoanSchema } from './adapters/persistence/loan.schema';
import { MikroOrmHoldRepository } from './adapters/persistence/MikroOrmHoldRepository';
import { MikroOrmLoanRepository } from './adapters/persistence/MikroOrmLoanRepository';
import type { HoldStatus, LoanStatus } from './domain';

/**
 * The loans context: who has which copy (loans) and who waits for which book (holds).
 * This is the read side; the circulation use cases (borrow saga, return, renew, holds) come next.
 */
export function loansSubgraph(): SubgraphDefinition<LoansContext> {
  return {
    name: 'loans',
    entities: [LoanSchema, HoldSchema],
    aggregates: [LoanSchema, HoldSchema],
    schema: () =>
      buildFederatedSchema({
        resolvers: [LoanResolver, HoldResolver, MemberResolver, BookResolver],
        // No query returns these directly: the router reaches them through entity references.
        orphanedTypes: [LoanType, HoldType, MemberReference, BookReference, CopyReference],
        referenceResolvers: {
          Loan: { __resolveReference: (ref: { id: string }, ctx: LoansContext) => ctx.loanById.load(ref.id) },
          Hold: { __resolveReference: (ref: { id: string }, ctx: LoansContext) => ctx.holdById.load(ref.id) },
        },
      }),
    context(base) {
      const loans = new MikroOrmLoanRepository(base.em);
      const holds = new MikroOrmHoldRepository(base.em);
      const loansOf = memberRecordsLoader((memberIds, status: LoanStatus | null) =>
        loans.ofMembers(memberIds, status),
      );
      const holdsOf = memberRecordsLoader((memberIds, status: HoldStatus | null) =>
        holds.ofMembers(memberIds, status),
      );
      return {
        ...base,
        circulation: new CirculationReader(
          (memberId, status) => loansOf.load({ memberId, status }),
          (memberId, status) => holdsOf.load({ memberId, status }),
        ),
        holdQueue: groupedLoader(
          (bookIds) => holds.waitingFor(bookIds),
          (hold) => hold.bookId,
        ),
        loanById: byIdLoader((ids) => loans.byIds(ids)),
        holdById: byIdLoader((ids) => holds.byIds(ids)),
      };
    },
  };
}
