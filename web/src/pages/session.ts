import { graphql } from '../gql';

/** What signing in and joining answer: the token to keep and whose it is (auth.signIn). */
export const SignedIn = graphql(`
  fragment SignedIn on AuthPayload {
    token
    member {
      id
      name
    }
  }
`);
