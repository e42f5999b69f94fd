import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

export interface GraphQLResponse<Data> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: ReadonlyArray<{
    readonly message: string;
    readonly path?: ReadonlyArray<string | number>;
    readonly extensions?: Record<string, unknown> & { code?: string };
  }>;
}

/** A real HTTP GraphQL client, as an app would be: POST JSON, bearer token when given. */
export function graphqlClient(url: string) {
  return async function request<Data = Record<string, unknown>, Variables = Record<string, unknown>>(
    query: string | DocumentNode | TypedDocumentNode<Data, Variables>,
    variables?: Variables,
    options: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponse<Data>> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
    return { status: response.status, ...body };
  };
}

export type GraphQLRequest = ReturnType<typeof graphqlClient>;

/** The single error code of a response; fails loudly when there is not exactly one error. */
export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  if (response.errors?.length !== 1) {
    throw new Error(`Expected exactly one error, got ${JSON.stringify(response.errors ?? response.data)}`);
  }
  return response.errors[0]?.extensions?.code;
}
