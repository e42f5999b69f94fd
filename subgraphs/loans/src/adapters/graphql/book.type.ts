import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The catalogue's Book, as loans knows it: by id. Loans adds the book's hold queue. */
@ObjectType('Book')
@Directive('@key(fields: "id")')
export class BookReference {
  @Field(() => ID)
  id!: string;
}
