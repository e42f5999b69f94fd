import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('Availability', { description: 'How many copies of a book the library has, and where they are.' })
export class AvailabilityType {
  @Field(() => Int, { description: 'Copies in circulation: every copy that is neither LOST nor WITHDRAWN.' })
  total!: number;

  @Field(() => Int, { description: 'Copies on the shelf, ready to borrow.' })
  available!: number;

  @Field(() => Int)
  onLoan!: number;

  @Field(() => Int, { description: 'Copies set aside for members whose hold is ready.' })
  onHoldShelf!: number;
}
