/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Catalogue($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          subtitle\n          authors\n          publishedYear\n          availability {\n            total\n            available\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CatalogueDocument,
    "\n  query CatalogueSubjects($search: String) {\n    books(search: $search, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          subjects\n        }\n      }\n    }\n  }\n": typeof types.CatalogueSubjectsDocument,
    "\n  mutation Join($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      token\n      member {\n        id\n        name\n      }\n    }\n  }\n": typeof types.JoinDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SignInDocument,
};
const documents: Documents = {
    "\n  query Catalogue($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          subtitle\n          authors\n          publishedYear\n          availability {\n            total\n            available\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CatalogueDocument,
    "\n  query CatalogueSubjects($search: String) {\n    books(search: $search, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          subjects\n        }\n      }\n    }\n  }\n": types.CatalogueSubjectsDocument,
    "\n  mutation Join($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      token\n      member {\n        id\n        name\n      }\n    }\n  }\n": types.JoinDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n      }\n    }\n  }\n": types.SignInDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalogue($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          subtitle\n          authors\n          publishedYear\n          availability {\n            total\n            available\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Catalogue($search: String, $subject: String, $first: Int, $after: String) {\n    books(search: $search, subject: $subject, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          subtitle\n          authors\n          publishedYear\n          availability {\n            total\n            available\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogueSubjects($search: String) {\n    books(search: $search, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          subjects\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogueSubjects($search: String) {\n    books(search: $search, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          subjects\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Join($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      token\n      member {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Join($input: RegisterMemberInput!) {\n    registerMember(input: $input) {\n      token\n      member {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;