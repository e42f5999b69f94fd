import { Field, InputType } from 'type-graphql';

@InputType('RegisterMemberInput')
export class RegisterMemberInput {
  @Field({ description: 'Used to sign in; compared case-insensitively.' })
  email!: string;

  @Field({ description: '8 to 256 characters.' })
  password!: string;

  @Field({ description: '1 to 200 characters.' })
  name!: string;
}
