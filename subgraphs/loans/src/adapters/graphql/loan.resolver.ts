import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Loan } from '../../domain';
import { BookReference } from './book.type';
import { CopyReference } from './copy.type';
import { LoanType } from './loan.type';
import { MemberReference } from './member.type';

@Resolver(() => LoanType)
export class LoanResolver {
  @FieldResolver(() => BookReference)
  book(@Root() loan: Loan): BookReference {
    return { id: loan.bookId };
  }

  @FieldResolver(() => CopyReference)
  copy(@Root() loan: Loan): CopyReference {
    return { id: loan.copyId };
  }

  @FieldResolver(() => MemberReference)
  member(@Root() loan: Loan): MemberReference {
    return { id: loan.memberId };
  }
}
