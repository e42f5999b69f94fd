import { Field, InputType, Int } from 'type-graphql';

@InputType('AddBookInput')
export class AddBookInput {
  @Field({ description: 'ISBN-13 or ISBN-10, hyphens allowed; stored as ISBN-13.' })
  isbn!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  subtitle?: string | null;

  @Field(() => [String], { description: 'At least one author.' })
  authors!: string[];

  @Field(() => [String], { nullable: true })
  subjects?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A BCP 47 language tag, e.g. "en".' })
  language?: string | null;

  @Field(() => Int, { nullable: true })
  publishedYear?: number | null;

  @Field(() => String, { nullable: true })
  coverUrl?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
