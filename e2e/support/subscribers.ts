import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One payload a subscription received. */
export type Payload = FormattedExecutionResult<Record<string, unknown>>;

/** What one subscription received: its payloads, and the error or close that ended it. */
export interface Stream {
  readonly messages: Payload[];
  readonly ended: { error?: unknown; complete?: true };
  dispose(): void;
}

/** Subscribes and collects what arrives (graphql-ws or graphql-sse: both clients have `subscribe`). */
export function listen(
  client: Pick<Client, 'subscribe'>,
  query: string,
  variables: Record<string, unknown> = {},
): Stream {
  const messages: Payload[] = [];
  const ended: Stream['ended'] = {};
  const dispose = client.subscribe<Record<string, unknown>>(
    { query, variables },
    {
      next: (message) => messages.push(message as Payload),
      error: (error) => (ended.error = error),
      complete: () => (ended.complete = true),
    },
  );
  return { messages, ended, dispose };
}

/** Waits for a condition (the test's ceiling turns a hang into a failure). */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * A graphql-ws client of the router at `url` (its http(s) GraphQL URL), over `ws`, that never
 * reconnects (a test sees a close instead of a silent retry); signed in when given a token.
 */
export function wsClient(
  url: string,
  options: { readonly token?: string; readonly onClosed?: (event: unknown) => void } = {},
): Client {
  return createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: options.token === undefined ? {} : { authorization: `Bearer ${options.token}` },
    ...(options.onClosed ? { on: { closed: options.onClosed } } : {}),
  });
}

/**
 * How many subscribers a router holds, from its /metrics (`shelfmark_subscribers`): what a test of
 * a router in another process waits on before it causes the change its subscribers expect.
 */
export async function subscriberCount(graphqlUrl: string): Promise<number> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'));
  const text = await response.text();
  const line = /^shelfmark_subscribers(?:\{[^}]*\})? (\d+)$/m.exec(text);
  if (!line) throw new Error(`no shelfmark_subscribers in the metrics of ${graphqlUrl}`);
  return Number(line[1]);
}
