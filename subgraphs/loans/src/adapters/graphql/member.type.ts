import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The members subgraph's Member, as loans knows it: by id. Loans adds their loans and holds. */
@ObjectType('Member')
@Directive('@key(fields: "id")')
export class MemberReference {
  @Field(() => ID)
  id!: string;
}
