import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '@shelfmark/subgraph-kit';
import { testDatabase } from '@shelfmark/testing';
import { CopyAdder } from '../src/application/add-copies/CopyAdder';
import { CatalogueBookSchema } from '../src/adapters/persistence/catalogue-book.schema';
import { CopySchema } from '../src/adapters/persistence/copy.schema';
import { MikroOrmCatalogueBookRepository } from '../src/adapters/persistence/MikroOrmCatalogueBookRepository';
import { MikroOrmCopyRepository } from '../src/adapters/persistence/MikroOrmCopyRepository';
import {
  availabilityOf,
  CatalogueBook,
  CopyChangedMeanwhile,
  CopyStatus,
  type Barcode,
  type Copy,
} from '../src/domain';
import { barcode, barcodesFrom } from './support/builders';

const now = new Date('2026-03-04T05:06:07Z');

describe('inventory persistence', () => {
  const database = testDatabase('inventory');
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await openDatabase(database.config, [CopySchema, CatalogueBookSchema]);
  });
  beforeEach(async () => {
    await orm.getSchemaGenerator().clearDatabase();
    await new MikroOrmCatalogueBookRepository(orm.em.fork()).addIfAbsent(
      CatalogueBook.of('dune', '9780441172719', 'Dune', now),
    );
  });
  afterAll(async () => {
    await orm.close();
    await database.drop([CopySchema, CatalogueBookSchema]);
  });

  const adder = (newBarcode: () => Barcode) => {
    const em = orm.em.fork();
    return new CopyAdder(new MikroOrmCopyRepository(em), new MikroOrmCatalogueBookRepository(em), {
      newBarcode,
      clock: () => now,
    });
  };
  const storedBarcodes = async () =>
    (await orm.em.fork().find(CopySchema, {}, { orderBy: { barcode: 'asc' } })).map((c) => c.barcode);

  it('draws again when the unique index refuses a barcode, and keeps nothing of the refused batch', async () => {
    await adder(barcodesFrom('A')).add({ bookId: 'dune', count: 1 });

    // B and C go in the same transaction as A, which is taken: all three are rolled back.
    const added = await adder(barcodesFrom('B', 'C', 'A', 'D', 'E', 'F')).add({ bookId: 'dune', count: 3 });

    expect(added.map((c) => c.barcode)).toEqual(['D', 'E', 'F'].map((b) => barcode(b).value));
    expect(await storedBarcodes()).toEqual(['A', 'D', 'E', 'F'].map((b) => barcode(b).value));
  });

  it('registers a book once: a second registration is a no-op, not an error', async () => {
    const books = new MikroOrmCatalogueBookRepository(orm.em.fork());
    await expect(
      books.addIfAbsent(CatalogueBook.of('dune', '9780441172719', 'Dune again', now)),
    ).resolves.toBe(false);
    await expect(books.addIfAbsent(CatalogueBook.of('emma', '9780141439587', 'Emma', now))).resolves.toBe(
      true,
    );
    expect(await orm.em.fork().count(CatalogueBookSchema)).toBe(2);
  });

  it('treats a unique violation on registration as the book already being there', async () => {
    const em = orm.em.fork();
    const books = new MikroOrmCatalogueBookRepository(em);
    // Another delivery inserted the row between this one's existence check and its insert.
    jest.spyOn(books, 'exists').mockResolvedValueOnce(false);
    await expect(books.addIfAbsent(CatalogueBook.of('dune', '9780441172719', 'Dune', now))).resolves.toBe(
      false,
    );
    expect(await orm.em.fork().count(CatalogueBookSchema)).toBe(1);
  });

  it('counts copies per book and status in one grouped query', async () => {
    await new MikroOrmCatalogueBookRepository(orm.em.fork()).addIfAbsent(
      CatalogueBook.of('emma', '9780141439587', 'Emma', now),
    );
    const next = barcodesFrom(...'ABCDEFGHJK'.split(''));
    await adder(next).add({ bookId: 'dune', count: 6 });
    await adder(next).add({ bookId: 'emma', count: 2 });
    // Circulation is not built yet: set statuses as it will.
    const em = orm.em.fork();
    const dune = await em.find(CopySchema, { bookId: 'dune' }, { orderBy: { barcode: 'asc' } });
    (['ON_LOAN', 'ON_LOAN', 'ON_HOLD_SHELF', 'LOST', 'WITHDRAWN'] as const).forEach(
      (status, i) => (dune[i]!.status = status),
    );
    await em.flush();

    const counts = await new MikroOrmCopyRepository(orm.em.fork()).statusCounts(['dune', 'emma', 'nobody']);

    expect(counts).toEqual(
      expect.arrayContaining([
        { bookId: 'dune', status: 'AVAILABLE', count: 1 },
        { bookId: 'dune', status: 'ON_LOAN', count: 2 },
        { bookId: 'dune', status: 'ON_HOLD_SHELF', count: 1 },
        { bookId: 'dune', status: 'LOST', count: 1 },
        { bookId: 'dune', status: 'WITHDRAWN', count: 1 },
        { bookId: 'emma', status: 'AVAILABLE', count: 2 },
      ]),
    );
    expect(counts).toHaveLength(6);
    const ofDune = Object.fromEntries(
      counts.filter((c) => c.bookId === 'dune').map((c) => [c.status, c.count]),
    );
    expect(availabilityOf(ofDune)).toEqual({ total: 4, available: 1, onLoan: 2, onHoldShelf: 1 });
  });

  it('reads a copy by id as findOne does: every field, and the copy its unit of work already holds', async () => {
    const [added] = await adder(barcodesFrom('A')).add({ bookId: 'dune', count: 1 });
    const em = orm.em.fork();
    const copies = new MikroOrmCopyRepository(em);

    const copy = (await copies.byId(added!.id))!;
    expect(JSON.stringify(copy)).toEqual(
      JSON.stringify(await orm.em.fork().findOneOrFail(CopySchema, { id: added!.id })),
    );
    expect(copy.addedAt).toEqual(now);
    expect(await copies.byId('no-such-copy')).toBeNull();

    // Changed in this unit of work: read again, it is that copy, change and all; written once.
    copy.reserve('borrow-1', 'm1', now);
    expect(await copies.byId(added!.id)).toBe(copy);
    await copies.save(copy);
    const stored = await orm.em.fork().findOneOrFail(CopySchema, { id: added!.id });
    expect(stored).toMatchObject({ status: 'ON_LOAN', reservedFor: 'borrow-1', version: copy.version });
    expect(stored.outbox.map((event) => event.type)).toEqual([
      'shelfmark.inventory.copy-added.v1',
      'shelfmark.inventory.copy-status-changed.v1',
    ]);
  });

  it('saves a copy as one write checked by its version: of two writers, the second loses', async () => {
    const [added] = await adder(barcodesFrom('A')).add({ bookId: 'dune', count: 1 });
    const first = new MikroOrmCopyRepository(orm.em.fork());
    const second = new MikroOrmCopyRepository(orm.em.fork());
    const [a, b] = await Promise.all([first.byId(added!.id), second.byId(added!.id)]);

    a!.reserve('borrow-a', 'ma', now);
    await first.save(a!);
    b!.reserve('borrow-b', 'mb', now);
    await expect(second.save(b!)).rejects.toBeInstanceOf(CopyChangedMeanwhile);

    expect(await orm.em.fork().findOneOrFail(CopySchema, { id: added!.id })).toMatchObject({
      reservedFor: 'borrow-a',
      status: 'ON_LOAN',
      version: 2,
    });
  });

  it('finds the copies a borrow reserved or was lent, and the copies a member may reserve', async () => {
    const ids = (await adder(barcodesFrom(...'ABCDE'.split(''))).add({ bookId: 'dune', count: 5 }))
      .sort((x, y) => x.barcode.localeCompare(y.barcode))
      .map((c) => c.id) as [string, string, string, string, string];
    const copies = new MikroOrmCopyRepository(orm.em.fork());
    const change = async (id: string, apply: (copy: Copy) => void) => {
      const repository = new MikroOrmCopyRepository(orm.em.fork());
      const copy = (await repository.byId(id))!;
      apply(copy);
      await repository.save(copy);
    };
    await change(ids[0], (c) => c.reserve('borrow-1', 'm1', now)); // reserved for borrow-1
    await change(ids[1], (c) => c.lend('loan-1', 'borrow-1', now)); // lent through borrow-1
    await change(ids[2], (c) => {
      c.lend('loan-0', 'borrow-0', now);
      c.shelveAfterReturn('loan-0', { holdId: 'h1', memberId: 'm1' }, now); // held for m1
    });
    await change(ids[3], (c) => {
      c.lend('loan-9', 'borrow-9', now);
      c.shelveAfterReturn('loan-9', { holdId: 'h2', memberId: 'm2' }, now); // held for m2
    });
    // ids[4] is AVAILABLE

    expect((await copies.byBorrow('borrow-1')).map((c) => c.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(await copies.byBorrow('borrow-2')).toEqual([]);
    // Candidates are ids and statuses, in barcode order, and nothing is loaded into the unit of work.
    const looking = orm.em.fork();
    expect(await new MikroOrmCopyRepository(looking).reservableFor('dune', 'm1', 10)).toEqual([
      { id: ids[2], status: CopyStatus.ON_HOLD_SHELF },
      { id: ids[4], status: CopyStatus.AVAILABLE },
    ]);
    expect(looking.getUnitOfWork().getIdentityMap().values()).toEqual([]);
    expect((await copies.reservableFor('dune', 'm1', 10)).map((c) => c.id)).toEqual([ids[2], ids[4]]);
    expect((await copies.reservableFor('dune', 'm2', 10)).map((c) => c.id)).toEqual([ids[3], ids[4]]);
    expect((await copies.reservableFor('dune', 'm3', 10)).map((c) => c.id)).toEqual([ids[4]]);
    expect(await copies.reservableFor('dune', 'm1', 1)).toHaveLength(1);
    expect(await copies.reservableFor('emma', 'm1', 10)).toEqual([]);
  });
});
