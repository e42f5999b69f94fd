import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay's PageInfo; several subgraphs return connections, so the type is shareable. */
@ObjectType({ description: 'Where a page of a connection sits in the whole list.' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}
