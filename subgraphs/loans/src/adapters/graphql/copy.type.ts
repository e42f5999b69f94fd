import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Inventory's Copy, as loans knows it: by id. */
@ObjectType('Copy')
@Directive('@key(fields: "id")')
export class CopyReference {
  @Field(() => ID)
  id!: string;
}
