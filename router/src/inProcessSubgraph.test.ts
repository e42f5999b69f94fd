import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  keepAliveAgent,
  SubgraphNotRunning,
  type InProcessRequest,
  type InProcessResponse,
} from '@shelfmark/subgraph-kit';
import type { RouterContext } from './context';
import { InProcessSubgraphDataSource } from './inProcessSubgraph';
import { SubgraphDataSource } from './SubgraphDataSource';

const context: RouterContext = {
  requestId: 'req-42',
  token: 'signed.jwt.token',
  identity: null,
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  clientAddress: '203.0.113.9',
};

function options(query = '{ ok }'): GraphQLDataSourceProcessOptions<RouterContext> {
  return {
    request: { query, variables: { id: '1' } },
    context,
  } as unknown as GraphQLDataSourceProcessOptions<RouterContext>;
}

function subgraph(answer: () => Promise<InProcessResponse>) {
  const seen: InProcessRequest[] = [];
  const source = new InProcessSubgraphDataSource({
    name: 'comments',
    ready: () => Promise.resolve(),
    execute: (request) => {
      seen.push(request);
      return answer();
    },
  });
  return { source, seen };
}

describe('the router calling a subgraph in its own process', () => {
  it('sends the headers SubgraphDataSource sends over HTTP, and hands back data and errors as given', async () => {
    const agent = keepAliveAgent();
    const headers = new Headers();
    new SubgraphDataSource('comments', 'http://127.0.0.1:1/graphql', agent).willSendRequest({
      ...options(),
      request: { query: '{ ok }', http: { method: 'POST', url: '', headers } },
    });
    await agent.close();

    const errors = [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }];
    const { source, seen } = subgraph(() => Promise.resolve({ status: 200, data: { ok: null }, errors }));
    expect(await source.process(options())).toEqual({ data: { ok: null }, errors });
    expect(seen).toEqual([
      {
        query: '{ ok }',
        variables: { id: '1' },
        operationName: undefined,
        headers: Object.fromEntries(headers),
      },
    ]);
    expect(Object.keys(seen[0]!.headers).sort()).toEqual([
      'authorization',
      'traceparent',
      'x-forwarded-for',
      'x-request-id',
    ]);
  });

  it('names a subgraph that is not running as SERVICE_UNAVAILABLE, as for one that does not answer', async () => {
    const { source } = subgraph(() => Promise.reject(new SubgraphNotRunning('comments')));
    await expect(source.process(options())).rejects.toMatchObject({
      message: 'The comments service is not answering right now. Please try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'comments' },
    });
  });

  it('reports an answer that is not a success as RemoteGraphQLDataSource does (401: UNAUTHENTICATED)', async () => {
    const { source } = subgraph(() =>
      Promise.resolve({
        status: 401,
        errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
    );
    await expect(source.process(options())).rejects.toMatchObject({
      message: '401: Unauthorized',
      extensions: { code: 'UNAUTHENTICATED', response: { status: 401 } },
    });
  });
});
