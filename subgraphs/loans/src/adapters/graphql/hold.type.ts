import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { HoldStatus } from '../../domain';
import { BookReference } from './book.type';
import { MemberReference } from './member.type';

registerEnumType(HoldStatus, {
  name: 'HoldStatus',
  description: 'Where a hold (a reservation of a book) stands.',
  valuesConfig: {
    WAITING: { description: "In the book's queue, waiting for a copy." },
    READY: { description: 'A copy waits on the hold shelf until readyUntil.' },
    FULFILLED: { description: 'The member borrowed the copy kept for them.' },
    CANCELLED: { description: 'The member withdrew the hold; its points were refunded.' },
    EXPIRED: { description: 'The copy was not picked up in time; its points were refunded.' },
  },
});

@ObjectType('Hold', {
  description: "A member's reservation of a book; holds of a book form a first-come queue.",
})
@Directive('@key(fields: "id")')
export class HoldType {
  @Field(() => ID)
  id!: string;

  @Field(() => HoldStatus)
  status!: HoldStatus;

  // Entity references, resolved from the hold's ids by HoldResolver.
  @Field(() => BookReference)
  book!: BookReference;

  @Field(() => MemberReference)
  member!: MemberReference;

  @Field()
  placedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'While READY: the last moment to pick the copy up.' })
  readyUntil!: Date | null;

  @Field(() => Int, { description: 'Points taken when the hold was placed; refunded on cancel or expiry.' })
  pointsSpent!: number;
}
