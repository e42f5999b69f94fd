import { install, type Client } from '@urql/vue';
import type { FormattedExecutionResult } from 'graphql';
import type { Sink } from 'graphql-ws';
import { mount, flushPromises } from '@vue/test-utils';
import type { Component } from 'vue';
import { createMemoryHistory, type Router } from 'vue-router';
import { createApiClient } from '../client';
import { createAppRouter } from '../router';

/** One GraphQL request the app sent over HTTP, as the API received it. */
export interface SentRequest {
  readonly operationName: string;
  readonly variables: Record<string, unknown>;
  readonly authorization: string | null;
}

/** Answers the app's HTTP requests, by operation name: a GraphQL response body. */
export type Answer = (request: SentRequest) => { data?: unknown; errors?: unknown[] };

/** A subscription the test pushes results into. */
export interface Pushes {
  push(result: FormattedExecutionResult): void;
  readonly open: number;
}

/**
 * The app's own urql client (its exchanges: the token on every request, a refused session ended)
 * with its HTTP answered by `answer` and its subscriptions fed by the test with `pushes.push`.
 */
export function fakeApi(answer: Answer): { client: Client; sent: SentRequest[]; pushes: Pushes } {
  const sent: SentRequest[] = [];
  const sinks = new Set<Sink<FormattedExecutionResult>>();
  const fakeFetch: typeof fetch = (_url, init) => {
    // The app sends every operation as a JSON POST body (preferGetMethod: false).
    const body = JSON.parse(init?.body as string) as {
      operationName: string;
      variables?: Record<string, unknown>;
    };
    const headers = new Headers(init?.headers);
    const request = {
      operationName: body.operationName,
      variables: body.variables ?? {},
      authorization: headers.get('authorization'),
    };
    sent.push(request);
    return Promise.resolve(
      new Response(JSON.stringify(answer(request)), { headers: { 'content-type': 'application/json' } }),
    );
  };
  const client = createApiClient(
    { protocol: 'http:', host: 'library.test', origin: 'http://library.test' },
    {
      fetch: fakeFetch,
      ws: {
        client: {
          subscribe: (_payload, sink) => {
            sinks.add(sink as Sink<FormattedExecutionResult>);
            return () => sinks.delete(sink as Sink<FormattedExecutionResult>);
          },
        },
        restart: () => undefined,
      },
    },
  );
  return {
    client,
    sent,
    pushes: {
      push: (result) => {
        for (const sink of sinks) sink.next(result);
      },
      get open() {
        return sinks.size;
      },
    },
  };
}

/** Mounts the whole app's router at `path`, with the page `component` rendered by it. */
export async function mountPage(
  path: string,
  client: Client,
  component: Component,
): Promise<{ wrapper: ReturnType<typeof mount>; router: Router }> {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(component, {
    props: router.currentRoute.value.params['id'] ? { id: router.currentRoute.value.params['id'] } : {},
    global: { plugins: [router, [install, client]] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}

/** A token the app can read (not one the API would accept: the signature is made up). */
export function fakeToken(claims: { sub?: string; role?: string; exp?: number } = {}): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'EdDSA' })}.${encode({
    sub: 'member-1',
    role: 'MEMBER',
    exp: Math.floor(Date.now() / 1000) + 3600,
    ...claims,
  })}.c2ln`;
}

/** The text a field's aria-describedby points at: its hint and its error, as a screen reader says them. */
export function description(input: Element): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}
