import { randomBytes } from 'node:crypto';
import { mongoClient } from '../src';

/**
 * The local MongoDB stand-in narrows a query by an index, as MongoDB does, where mongo-java-server
 * scanned every document: by `_id` whatever else the query names, by a secondary index's first
 * field, and by the union of a top-level `$or`'s branches (ShelfmarkMongoServer.java). Narrowing
 * must never change an answer: these are the cases where a wrong candidate set would — documents
 * whose indexed value changed or that were removed, arrays, values an index does not hold, order.
 * (Run against `MONGODB_URL` when given: a real MongoDB answers the same.)
 */
interface Item {
  _id: string;
  version: number;
  bookId?: unknown;
  status?: string;
  reservedFor?: string | null;
  hasOutbox?: boolean;
}

describe('queries narrowed by indexes on the MongoDB stand-in', () => {
  const client = mongoClient(process.env['MONGODB_URL']!);
  const items = client.db(`test_indexed_${randomBytes(6).toString('hex')}`).collection<Item>('items');
  const ids = async (filter: object, limit = 0) =>
    (await items.find(filter).limit(limit).toArray()).map((item) => item._id);

  beforeAll(async () => {
    await client.connect();
    await items.createIndex({ bookId: 1, status: 1 });
    await items.createIndex({ reservedFor: 1 });
    await items.createIndex({ hasOutbox: 1 });
    await items.insertMany(
      Array.from({ length: 30 }, (_, i) => ({
        _id: `i${String(i).padStart(2, '0')}`,
        version: 1,
        bookId: `b${i % 3}`,
        status: i % 2 === 0 ? 'AVAILABLE' : 'ON_LOAN',
        reservedFor: null,
        hasOutbox: i % 10 === 0,
      })),
    );
  });
  afterAll(async () => {
    await items.drop();
    await client.close();
  });

  it('writes under an _id and a version only when both match', async () => {
    expect((await items.updateOne({ _id: 'i01', version: 2 }, { $set: { version: 3 } })).matchedCount).toBe(
      0,
    );
    expect((await items.updateOne({ _id: 'i01', version: 1 }, { $set: { version: 2 } })).matchedCount).toBe(
      1,
    );
    expect(await items.countDocuments({ _id: 'i01', version: 2 })).toBe(1);
    expect(await ids({ _id: 'i01', status: 'AVAILABLE' })).toEqual([]);
    expect(await ids({ _id: 'nobody', version: 1 })).toEqual([]);
  });

  it('answers an indexed field in the order a scan would, with the rest of the query matched', async () => {
    expect(await ids({ bookId: 'b1', status: 'AVAILABLE' })).toEqual(['i04', 'i10', 'i16', 'i22', 'i28']);
    expect(await ids({ bookId: 'b2' }, 3)).toEqual(['i02', 'i05', 'i08']);
    expect(await ids({ hasOutbox: true })).toEqual(['i00', 'i10', 'i20']);
    expect(await ids({ bookId: 'none' })).toEqual([]);
  });

  it('follows a document whose indexed value changes, and forgets one removed', async () => {
    await items.updateOne({ _id: 'i04' }, { $set: { bookId: 'b9', reservedFor: 'r1', hasOutbox: true } });
    await items.updateOne({ _id: 'i10' }, { $set: { hasOutbox: false } });
    expect(await ids({ bookId: 'b9' })).toEqual(['i04']);
    expect(await ids({ bookId: 'b1', status: 'AVAILABLE' })).toEqual(['i10', 'i16', 'i22', 'i28']);
    expect(await ids({ hasOutbox: true })).toEqual(['i00', 'i04', 'i20']);

    await items.deleteOne({ _id: 'i04' });
    expect(await ids({ bookId: 'b9' })).toEqual([]);
    expect(await ids({ reservedFor: 'r1' })).toEqual([]);
  });

  it('takes the union of an $or whose branches are indexed, and scans for one that is not', async () => {
    await items.updateOne({ _id: 'i07' }, { $set: { reservedFor: 'r2' } });
    expect(await ids({ $or: [{ reservedFor: 'r2' }, { _id: 'i03' }] })).toEqual(['i03', 'i07']);
    expect(await ids({ $or: [{ reservedFor: 'r2' }, { status: 'none' }] })).toEqual(['i07']);
    expect(await ids({ bookId: 'b0', reservedFor: null }, 2)).toEqual(['i00', 'i03']);
  });

  it('finds a value held in an array, and a value of a type the index does not hold', async () => {
    await items.insertMany([
      { _id: 'list', version: 1, bookId: ['b7', 'b8'] },
      { _id: 'number', version: 1, bookId: 7 },
    ]);
    expect(await ids({ bookId: 'b8' })).toEqual(['list']);
    expect(await ids({ bookId: 7 })).toEqual(['number']);
    expect(await ids({ bookId: { $in: ['b7', 'x'] } })).toEqual(['list']);
  });
});
