import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@shelfmark/subgraph-kit';

@ObjectType('Book', {
  description: 'A title in the catalogue. Other subgraphs add copies, loans, comments and rankings.',
})
@Directive('@key(fields: "id")')
export class BookType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The ISBN-13, digits only.' })
  isbn!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  subtitle!: string | null;

  @Field(() => [String])
  authors!: string[];

  @Field(() => [String], { description: 'Lower-case subject headings.' })
  subjects!: string[];

  @Field(() => String, { nullable: true, description: 'A BCP 47 language tag, e.g. "en".' })
  language!: string | null;

  @Field(() => Int, { nullable: true })
  publishedYear!: number | null;

  @Field(() => String, { nullable: true })
  coverUrl!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'When the book was added to the catalogue.' })
  addedAt!: Date;
}

@ObjectType('BookEdge')
export class BookEdge {
  @Field()
  cursor!: string;

  @Field(() => BookType)
  node!: BookType;
}

@ObjectType('BookConnection', { description: 'A page of books, sorted by title.' })
export class BookConnection {
  @Field(() => [BookEdge])
  edges!: BookEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many books match, over all pages.' })
  totalCount!: number;
}
