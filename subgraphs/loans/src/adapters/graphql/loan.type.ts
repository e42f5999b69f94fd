import { PageInfo } from '@shelfmark/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LoanStatus } from '../../domain';
import { BookReference } from './book.type';
import { CopyReference } from './copy.type';
import { MemberReference } from './member.type';

registerEnumType(LoanStatus, {
  name: 'LoanStatus',
  description: 'Where a loan stands.',
  valuesConfig: {
    ACTIVE: { description: 'Lent and not yet due.' },
    RETURNED: { description: 'Given back.' },
    OVERDUE: { description: 'Still out after its due date.' },
  },
});

@ObjectType('Loan', { description: 'One copy of a book lent to one member.' })
@Directive('@key(fields: "id")')
export class LoanType {
  @Field(() => ID)
  id!: string;

  @Field(() => LoanStatus)
  status!: LoanStatus;

  // Entity references, resolved from the loan's ids by LoanResolver.
  @Field(() => BookReference)
  book!: BookReference;

  @Field(() => CopyReference)
  copy!: CopyReference;

  @Field(() => MemberReference)
  member!: MemberReference;

  @Field()
  borrowedAt!: Date;

  @Field()
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null while the copy is still out.' })
  returnedAt!: Date | null;

  @Field(() => Int, { description: 'How many times the due date was pushed back.' })
  renewals!: number;
}

@ObjectType('LoanEdge')
export class LoanEdge {
  @Field()
  cursor!: string;

  @Field(() => LoanType)
  node!: LoanType;
}

@ObjectType('LoanConnection', { description: "A page of a member's loan history, newest first." })
export class LoanConnection {
  @Field(() => [LoanEdge])
  edges!: LoanEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many loans the member has had, over all pages.' })
  totalCount!: number;
}
