import { DatabaseWrites, type InProcessResponse, type InProcessSubgraph } from '@shelfmark/subgraph-kit';
import { AnswerCache, type CacheableRequest } from './answerCache';

/** A subgraph whose answers the test writes, counting how often it was asked. */
function fakeSubgraph(answers = { rootFields: ['book'], entityTypes: ['Book'] }) {
  const writes = new DatabaseWrites();
  let asked = 0;
  let next: () => Promise<InProcessResponse> = () =>
    Promise.resolve({ status: 200, data: { book: { id: '1', title: `read ${asked}` } } });
  const subgraph: InProcessSubgraph = {
    name: 'catalogue',
    ready: () => Promise.resolve(),
    execute: () => {
      asked += 1;
      return next();
    },
    cache: { answers, writes },
  };
  return {
    subgraph,
    writes,
    asked: () => asked,
    answerWith(respond: () => Promise<InProcessResponse>) {
      next = respond;
    },
  };
}

const book: CacheableRequest = {
  query: 'query($id: ID!) { book(id: $id) { id title } }',
  variables: { id: '1' },
};

describe('AnswerCache', () => {
  const ask = (cache: AnswerCache, fake: ReturnType<typeof fakeSubgraph>, request = book, token?: string) =>
    cache.answer(fake.subgraph, request, token, () => fake.subgraph.execute({ ...request, headers: {} }));

  it('answers the same request from the cache until the database writes', async () => {
    const cache = new AnswerCache(1_000_000);
    const fake = fakeSubgraph();
    expect(await ask(cache, fake)).toEqual({ status: 200, data: { book: { id: '1', title: 'read 1' } } });
    expect(await ask(cache, fake)).toEqual({ status: 200, data: { book: { id: '1', title: 'read 1' } } });
    expect(fake.asked()).toBe(1);
    fake.writes.changed();
    expect((await ask(cache, fake)).data).toEqual({ book: { id: '1', title: 'read 2' } });
    expect(fake.asked()).toBe(2);
  });

  it('does not keep an answer read while the database wrote', async () => {
    const cache = new AnswerCache(1_000_000);
    const fake = fakeSubgraph();
    fake.answerWith(() => {
      // The write commits while the read is under way: what it read may predate it.
      fake.writes.changed();
      return Promise.resolve({ status: 200, data: { book: { id: '1', title: 'before the write' } } });
    });
    await ask(cache, fake);
    fake.answerWith(() => Promise.resolve({ status: 200, data: { book: { id: '1', title: 'after' } } }));
    expect((await ask(cache, fake)).data).toEqual({ book: { id: '1', title: 'after' } });
    expect(fake.asked()).toBe(2);
  });

  it('keeps one caller’s answer for that caller only', async () => {
    const cache = new AnswerCache(1_000_000);
    const fake = fakeSubgraph();
    await ask(cache, fake, book, 'token-a');
    await ask(cache, fake, book, 'token-b');
    await ask(cache, fake, book, undefined);
    expect(fake.asked()).toBe(3);
    await ask(cache, fake, book, 'token-a');
    expect(fake.asked()).toBe(3);
  });

  it('tells apart requests by their variables', async () => {
    const cache = new AnswerCache(1_000_000);
    const fake = fakeSubgraph();
    await ask(cache, fake, book);
    await ask(cache, fake, { ...book, variables: { id: '2' } });
    expect(fake.asked()).toBe(2);
  });

  it('never keeps what the subgraph did not declare, a mutation, or an answer with errors', async () => {
    const cache = new AnswerCache(1_000_000);
    const fake = fakeSubgraph();
    const twice = async (request: CacheableRequest) => {
      const before = fake.asked();
      await ask(cache, fake, request);
      await ask(cache, fake, request);
      return fake.asked() - before;
    };
    expect(await twice({ query: '{ books { totalCount } }' })).toBe(2);
    expect(await twice({ query: '{ book(id: "1") { id } books { totalCount } }' })).toBe(2);
    expect(await twice({ query: 'mutation { book(id: "1") { id } }' })).toBe(2);
    expect(await twice({ query: '{ ... on Query { book(id: "1") { id } } }' })).toBe(2);
    const entities =
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Book { title } } }';
    expect(
      await twice({ query: entities, variables: { representations: [{ __typename: 'Copy', id: '1' }] } }),
    ).toBe(2);
    expect(
      await twice({
        query: entities,
        variables: {
          representations: [
            { __typename: 'Book', id: '1' },
            { __typename: 'Member', id: '2' },
          ],
        },
      }),
    ).toBe(2);
    expect(
      await twice({ query: entities, variables: { representations: [{ __typename: 'Book', id: '1' }] } }),
    ).toBe(1);
    fake.answerWith(() =>
      Promise.resolve({ status: 200, data: { book: null }, errors: [{ message: 'no' }] }),
    );
    expect(await twice({ ...book, variables: { id: '3' } })).toBe(2);
  });

  it('gives each hit its own copy: the gateway merges other subgraphs’ fields into it', async () => {
    const cache = new AnswerCache(1_000_000);
    const fake = fakeSubgraph();
    await ask(cache, fake);
    const hit = await ask(cache, fake);
    (hit.data!['book'] as Record<string, unknown>)['availability'] = { available: 0 };
    expect((await ask(cache, fake)).data).toEqual({ book: { id: '1', title: 'read 1' } });
  });

  it('asks the subgraph every time when it has no write count or declares nothing', async () => {
    const cache = new AnswerCache(1_000_000);
    const fake = fakeSubgraph();
    const uncounted: InProcessSubgraph = { ...fake.subgraph, cache: undefined };
    await cache.answer(uncounted, book, undefined, () => uncounted.execute({ ...book, headers: {} }));
    await cache.answer(uncounted, book, undefined, () => uncounted.execute({ ...book, headers: {} }));
    expect(fake.asked()).toBe(2);
  });

  it('holds no more than its size, the least recently used going first', async () => {
    const fake = fakeSubgraph();
    const cache = new AnswerCache(4_000);
    for (let id = 0; id < 50; id += 1) await ask(cache, fake, { ...book, variables: { id: String(id) } });
    const asked = fake.asked();
    await ask(cache, fake, { ...book, variables: { id: '49' } });
    expect(fake.asked()).toBe(asked);
    await ask(cache, fake, { ...book, variables: { id: '0' } });
    expect(fake.asked()).toBe(asked + 1);
  });
});
