import { barcodesFrom } from '../../../test/support/builders';
import { InMemoryCopyRepository } from '../../../test/support/fakes';
import { Copy } from '../../domain';
import { availabilityLoader, copiesByBookLoader, copyLoader } from './context';

const now = new Date('2026-03-04T05:06:07Z');

function library() {
  const copies = new InMemoryCopyRepository();
  const next = barcodesFrom('C', 'A', 'B', 'D');
  const add = (id: string, bookId: string) => {
    const copy = Copy.add({ id, bookId, barcode: next(), location: null }, now);
    copies.stored.push(copy);
    return copy;
  };
  add('c1', 'dune');
  add('c2', 'dune');
  add('c3', 'emma');
  add('c4', 'dune').status = 'ON_LOAN';
  return copies;
}

describe('request loaders', () => {
  it('load the availability of many books with one grouped count', async () => {
    const copies = library();
    const counts = jest.spyOn(copies, 'statusCounts');
    const loader = availabilityLoader(copies);

    const [dune, emma, unknown] = await Promise.all(['dune', 'emma', 'unknown'].map((id) => loader.load(id)));

    expect(counts).toHaveBeenCalledTimes(1);
    expect(counts).toHaveBeenCalledWith(['dune', 'emma', 'unknown']);
    expect(dune).toEqual({ total: 3, available: 2, onLoan: 1, onHoldShelf: 0 });
    expect(emma).toEqual({ total: 1, available: 1, onLoan: 0, onHoldShelf: 0 });
    expect(unknown).toEqual({ total: 0, available: 0, onLoan: 0, onHoldShelf: 0 });
  });

  it('load the copies of many books with one query, each book sorted by barcode', async () => {
    const copies = library();
    const query = jest.spyOn(copies, 'byBookIds');
    const loader = copiesByBookLoader(copies);

    const [dune, emma, unknown] = await Promise.all(['dune', 'emma', 'unknown'].map((id) => loader.load(id)));

    expect(query).toHaveBeenCalledTimes(1);
    expect(dune?.map((c) => c.id)).toEqual(['c2', 'c1', 'c4']);
    expect(emma?.map((c) => c.id)).toEqual(['c3']);
    expect(unknown).toEqual([]);
  });

  it('resolve many copy references with one query, null for an unknown id', async () => {
    const copies = library();
    const query = jest.spyOn(copies, 'byIds');
    const loader = copyLoader(copies);

    const found = await Promise.all(['c3', 'nope', 'c1'].map((id) => loader.load(id)));

    expect(query).toHaveBeenCalledTimes(1);
    expect(found.map((c) => c?.id ?? null)).toEqual(['c3', null, 'c1']);
  });
});
