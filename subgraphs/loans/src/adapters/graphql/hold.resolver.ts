import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Hold } from '../../domain';
import { BookReference } from './book.type';
import { HoldType } from './hold.type';
import { MemberReference } from './member.type';

@Resolver(() => HoldType)
export class HoldResolver {
  @FieldResolver(() => BookReference)
  book(@Root() hold: Hold): BookReference {
    return { id: hold.bookId };
  }

  @FieldResolver(() => MemberReference)
  member(@Root() hold: Hold): MemberReference {
    return { id: hold.memberId };
  }
}
