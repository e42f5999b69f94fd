import { EventContext } from '@shelfmark/events';
import { PeerClient, PeerRefusal, PeerUnavailable } from '../src/peers/PeerClient';
import {
  SubgraphNotRunning,
  type InProcessRequest,
  type InProcessResponse,
  type InProcessSubgraph,
} from '../src/server/inProcess';

/** A peer in this process whose answers the test decides. */
function peer(answer: (request: InProcessRequest) => Promise<InProcessResponse>) {
  const seen: InProcessRequest[] = [];
  const subgraph: InProcessSubgraph = {
    name: 'inventory',
    ready: () => Promise.resolve(),
    execute: (request) => {
      seen.push(request);
      return answer(request);
    },
  };
  return { subgraph, seen };
}

const call = { query: 'mutation { reserve }', variables: { n: 1 }, authorization: 'Bearer token-1' };

describe('PeerClient calling a subgraph in this process', () => {
  const clients: PeerClient[] = [];
  const client = (subgraph: InProcessSubgraph, timeoutMs = 2000) => {
    const created = new PeerClient({ name: 'inventory', directory: () => subgraph, timeoutMs });
    clients.push(created);
    return created;
  };
  afterAll(() => clients.forEach((created) => created.shutdown()));

  it('sends what it would send over HTTP: the query, the caller’s token, the request id and trace', async () => {
    const { subgraph, seen } = peer(() => Promise.resolve({ status: 200, data: { reserve: true } }));
    const data = await EventContext.run({ correlationId: 'req-7', traceparent: '00-abc-def-01' }, () =>
      client(subgraph).request<{ reserve: boolean }>(call),
    );
    expect(data).toEqual({ reserve: true });
    expect(seen).toEqual([
      {
        query: call.query,
        variables: call.variables,
        headers: { authorization: 'Bearer token-1', 'x-request-id': 'req-7', traceparent: '00-abc-def-01' },
      },
    ]);
  });

  it('relays a rule the peer enforced with its code, message and details', async () => {
    const { subgraph } = peer(() =>
      Promise.resolve({
        status: 200,
        data: null,
        errors: [
          { message: 'No copy is available', extensions: { code: 'NO_COPY_AVAILABLE', bookId: 'b1' } },
        ],
      }),
    );
    const refusal = await client(subgraph)
      .request(call)
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PeerRefusal);
    expect(refusal).toMatchObject({ code: 'NO_COPY_AVAILABLE', message: 'No copy is available' });
  });

  it('maps an unexpected failure, a closed subgraph and a missed deadline to SERVICE_UNAVAILABLE', async () => {
    const failing = peer(() =>
      Promise.resolve({
        status: 200,
        data: null,
        errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      }),
    );
    await expect(client(failing.subgraph).request(call)).rejects.toThrow(
      new PeerUnavailable('inventory', 'it failed: boom'),
    );
    const closed = peer(() => Promise.reject(new SubgraphNotRunning('inventory')));
    await expect(client(closed.subgraph).request(call)).rejects.toThrow(
      new PeerUnavailable('inventory', 'unreachable'),
    );
    const unauthorised = peer(() => Promise.resolve({ status: 500 }));
    await expect(client(unauthorised.subgraph).request(call)).rejects.toThrow(
      new PeerUnavailable('inventory', 'HTTP 500'),
    );
    const silent = peer(() => new Promise<never>(() => undefined));
    const waiting = client(silent.subgraph, 50).request(call);
    await expect(waiting).rejects.toBeInstanceOf(PeerUnavailable);
    await expect(waiting).rejects.toMatchObject({
      reason: 'no answer within 50 ms',
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it('opens its circuit after repeated failures and then refuses without calling', async () => {
    const closed = peer(() => Promise.reject(new SubgraphNotRunning('inventory')));
    const breaking = client(closed.subgraph);
    for (let i = 0; i < 5; i += 1) await breaking.request(call).catch(() => undefined);
    expect(breaking.open).toBe(true);
    const calls = closed.seen.length;
    await expect(breaking.request(call)).rejects.toMatchObject({ reason: 'too many recent failures' });
    expect(closed.seen.length).toBe(calls);
  });
});
