import { CONFLICT_RETRY } from '@shelfmark/subgraph-kit';
import { aCopy } from '../../../test/support/builders';
import { InMemoryCopyRepository } from '../../../test/support/fakes';
import { CopyChangedMeanwhile, UnknownCopy } from '../../domain';
import { CopyChanger } from './CopyChanger';

const { attempts: MAX_CHANGE_ATTEMPTS } = CONFLICT_RETRY;

const now = new Date('2026-03-04T05:06:07Z');

function setUp() {
  const copies = new InMemoryCopyRepository();
  copies.stored.push(aCopy('dune', 'c1'));
  const stored = () => copies.stored[0]!;
  return { copies, stored, changer: new CopyChanger(copies.fresh) };
}

describe('CopyChanger', () => {
  it('applies a change as one write, remembering the event that caused it', async () => {
    const { changer, stored, copies } = setUp();
    expect(await changer.change('c1', (c) => c.reserve('b1', 'm1', now), 'evt-1')).toBe('changed');
    expect(stored()).toMatchObject({ status: 'ON_LOAN', reservedFor: 'b1', version: 2 });
    expect(stored().hasHandled('evt-1')).toBe(true);
    expect(copies.saves).toBe(1);
  });

  it('skips an event the copy already applied', async () => {
    const { changer, stored, copies } = setUp();
    await changer.change('c1', (c) => c.reserve('b1', 'm1', now), 'evt-1');
    await changer.change('c1', (c) => c.release('b1', now), 'evt-2');
    const change = jest.fn(() => true);

    expect(await changer.change('c1', change, 'evt-1')).toBe('already-handled');
    expect(change).not.toHaveBeenCalled();
    expect(stored().status).toBe('AVAILABLE');
    expect(copies.saves).toBe(2);
  });

  it('writes nothing when the copy refuses the change', async () => {
    const { changer, stored, copies } = setUp();
    expect(await changer.change('c1', (c) => c.release('b1', now), 'evt-1')).toBe('unchanged');
    expect(copies.saves).toBe(0);
    expect(stored().hasHandled('evt-1')).toBe(false);
  });

  it('loads the copy again and re-applies the change when a concurrent write wins', async () => {
    const { changer, stored, copies } = setUp();
    let races = 2;
    copies.beforeSave = () => {
      if (races-- > 0) copies.changeStored('c1', (c) => c.markHandled(`other-${races}`));
    };
    expect(await changer.change('c1', (c) => c.reserve('b1', 'm1', now), 'evt-1')).toBe('changed');
    expect(copies.saves).toBe(3);
    expect(stored().handledEvents).toEqual(['other-1', 'other-0', 'evt-1']);
    expect(stored().outbox).toHaveLength(1);
  });

  it('finds the change already made by a concurrent delivery of the same event', async () => {
    const { changer, stored, copies } = setUp();
    let raced = false;
    copies.beforeSave = () => {
      if (raced) return;
      raced = true;
      copies.changeStored('c1', (c) => {
        c.reserve('b1', 'm1', now);
        c.markHandled('evt-1');
      });
    };
    expect(await changer.change('c1', (c) => c.reserve('b1', 'm1', now), 'evt-1')).toBe('already-handled');
    expect(stored().outbox).toHaveLength(1);
  });

  it(`gives up after ${MAX_CHANGE_ATTEMPTS} lost races, so that the bus retries later`, async () => {
    const { changer, copies } = setUp();
    copies.beforeSave = () => copies.changeStored('c1', () => undefined);
    await expect(changer.change('c1', (c) => c.reserve('b1', 'm1', now))).rejects.toBeInstanceOf(
      CopyChangedMeanwhile,
    );
    expect(copies.saves).toBe(MAX_CHANGE_ATTEMPTS);
  });

  it('refuses a copy inventory does not have with NOT_FOUND', async () => {
    const { changer } = setUp();
    await expect(changer.change('nope', () => true, 'evt-1')).rejects.toMatchObject({
      constructor: UnknownCopy,
      code: 'NOT_FOUND',
      details: { entity: 'Copy', id: 'nope' },
    });
  });
});
