import { PageInfo } from '@shelfmark/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BookReference } from './book.type';
import { MemberReference } from './member.type';

@ObjectType('Comment', { description: 'What a reader wrote about a book, with an optional rating.' })
@Directive('@key(fields: "id")')
export class CommentType {
  @Field(() => ID)
  id!: string;

  // Entity references, resolved from the comment's ids by CommentResolver. Nullable because
  // another subgraph resolves them: a book or member it no longer knows is null here with a
  // NOT_FOUND error at this path, instead of a null that bubbles up and blanks the whole page of
  // comments (or a mutation's whole answer). See docs/adr/0011-references-across-subgraphs.md.
  @Field(() => BookReference, { nullable: true })
  book!: BookReference;

  @Field(() => MemberReference, {
    nullable: true,
    description: 'Who wrote it; null (with a NOT_FOUND error) when members no longer knows them.',
  })
  author!: MemberReference;

  @Field({ description: 'The text, trimmed; 1 to 5000 characters.' })
  body!: string;

  @Field(() => Int, { nullable: true, description: 'Stars from 1 to 5; null when the reader gave none.' })
  rating!: number | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('CommentEdge')
export class CommentEdge {
  @Field()
  cursor!: string;

  @Field(() => CommentType)
  node!: CommentType;
}

@ObjectType('CommentConnection', { description: "A page of a book's comments, newest first." })
export class CommentConnection {
  @Field(() => [CommentEdge])
  edges!: CommentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many comments the book has, over all pages.' })
  totalCount!: number;
}

@ObjectType('Rating', { description: 'What readers think of a book, over every comment that rated it.' })
export class RatingType {
  @Field(() => Float, {
    nullable: true,
    description: 'The mean of the stars given; null when nobody rated the book.',
  })
  average!: number | null;

  @Field(() => Int, { description: 'How many comments rated the book.' })
  count!: number;
}
