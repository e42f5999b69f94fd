import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The catalogue's Book, as comments knows it: by id. Comments adds its comments and rating. */
@ObjectType('Book')
@Directive('@key(fields: "id")')
export class BookReference {
  @Field(() => ID)
  id!: string;
}
