import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CopyStatus } from '../../domain';

registerEnumType(CopyStatus, {
  name: 'CopyStatus',
  description: 'Where a copy is in its life. LOST and WITHDRAWN copies are out of circulation.',
  valuesConfig: {
    AVAILABLE: { description: 'On the shelf; can be borrowed.' },
    ON_LOAN: { description: 'Borrowed by a member.' },
    ON_HOLD_SHELF: { description: 'Set aside for the member first in the hold queue.' },
    LOST: { description: 'Missing; no longer counted.' },
    WITHDRAWN: { description: 'Taken out of the collection; no longer counted.' },
  },
});

@ObjectType('Copy', { description: 'One physical copy of a book, with the barcode on its label.' })
@Directive('@key(fields: "id")')
export class CopyType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The label on the copy: "SM" and 10 Crockford base-32 characters.' })
  barcode!: string;

  @Field(() => String, { nullable: true, description: 'Where the copy is shelved, as free text.' })
  location!: string | null;

  @Field(() => CopyStatus)
  status!: CopyStatus;

  @Field({ description: 'When the copy was put into circulation.' })
  addedAt!: Date;
}
