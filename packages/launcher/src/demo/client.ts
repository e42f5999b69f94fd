/** A GraphQL error the router answered, with its stable `extensions.code` (docs/errors.md). */
export class ApiError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(code ? `${code}: ${message}` : message);
  }
}

/** Sends an operation to the router, as any client would; throws the first error it answers with. */
export type Api = <T>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<T>;

interface Answer<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

export function apiAt(url: string): Api {
  return async <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as Answer<T>;
    const [error] = answer.errors ?? [];
    if (error) throw new ApiError(error.extensions?.code, error.message);
    if (!answer.data) throw new ApiError(undefined, `The router answered ${response.status} without data.`);
    return answer.data;
  };
}
