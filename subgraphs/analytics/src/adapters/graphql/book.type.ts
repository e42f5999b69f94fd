import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The catalogue's Book, as analytics knows it: by id. Analytics adds its borrow count. */
@ObjectType('Book')
@Directive('@key(fields: "id")')
export class BookReference {
  @Field(() => ID)
  id!: string;
}
