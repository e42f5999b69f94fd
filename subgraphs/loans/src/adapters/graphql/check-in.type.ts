import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LoanType } from './loan.type';

export const CopyDestination = { SHELF: 'SHELF', HOLD_SHELF: 'HOLD_SHELF' } as const;
export type CopyDestination = (typeof CopyDestination)[keyof typeof CopyDestination];
registerEnumType(CopyDestination, {
  name: 'CopyDestination',
  description: 'Where a copy that was checked in goes next.',
  valuesConfig: {
    SHELF: { description: 'Back on the shelves: nobody is waiting for its book.' },
    HOLD_SHELF: { description: 'Onto the hold shelf, for the first member in its book’s hold queue.' },
  },
});

/** The root of a CopyRouting: CopyRoutingResolver turns the hold id into the Hold. */
@ObjectType('CopyRouting', {
  description:
    'Where a checked-in copy goes, decided with the return: the shelves, or the hold shelf for the next hold (its member is who to tell).',
})
export class CopyRoutingType {
  @Field(() => CopyDestination)
  destination!: CopyDestination;

  /** Not in the schema: CopyRoutingResolver answers `hold` from it. */
  holdId!: string | null;
}

@ObjectType('CheckInResult', {
  description: 'A copy checked in at the desk: the loan it ended, and where it goes.',
})
export class CheckInResultType {
  @Field(() => LoanType, { description: 'The loan the copy was out on, now RETURNED.' })
  loan!: LoanType;

  @Field(() => CopyRoutingType)
  routedTo!: CopyRoutingType;
}
