import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The members subgraph's Member, as comments knows it: by id. */
@ObjectType('Member')
@Directive('@key(fields: "id")')
export class MemberReference {
  @Field(() => ID)
  id!: string;
}
