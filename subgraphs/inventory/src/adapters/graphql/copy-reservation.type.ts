import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A copy set aside for a borrow request: loans' answer from `reserveCopies`. Internal, like the
 * mutation: the router's API never shows it.
 */
@ObjectType('CopyReservation', { description: 'A copy set aside for a borrow request (internal).' })
@Directive('@inaccessible')
export class CopyReservationType {
  @Field(() => ID)
  bookId!: string;

  @Field(() => ID)
  copyId!: string;

  @Field({ description: 'The label on the copy (loans keeps it on the loan, for the desk’s checkIn).' })
  barcode!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The hold the copy was waiting on the hold shelf for (the borrower’s own), else null.',
  })
  holdId!: string | null;
}
