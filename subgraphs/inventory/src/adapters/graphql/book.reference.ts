import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Catalogue's `Book`, as far as inventory knows it: its key. Inventory adds `copies` and
 * `availability` to it; the router asks catalogue for everything else.
 */
@ObjectType('Book')
@Directive('@key(fields: "id")')
export class BookReference {
  @Field(() => ID)
  id!: string;
}
