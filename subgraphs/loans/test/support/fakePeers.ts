import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Reply =
  | { readonly data: Record<string, unknown> }
  | { readonly error: { readonly code: string; readonly message: string } };

export interface PeerBehaviour {
  /** Answers a call; the default answers of each fake are below. */
  answer(operation: string, variables: Record<string, unknown>): Reply | Promise<Reply>;
}

/**
 * A stand-in for another subgraph's HTTP GraphQL endpoint, for tests of loans' synchronous calls:
 * it records every call and answers as the test scripts it (slow, failing, refusing). The real
 * inventory and members are exercised end to end in e2e/.
 */
export class FakePeer {
  readonly calls: { operation: string; variables: Record<string, unknown>; authorization?: string }[] = [];
  private server!: Server;
  url = '';

  constructor(public behaviour: PeerBehaviour) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const { query, variables } = JSON.parse(body) as {
          query: string;
          variables: Record<string, unknown>;
        };
        const operation = /mutation\s+(\w+)/.exec(query)?.[1] ?? 'unknown';
        this.calls.push({
          operation,
          variables,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        });
        void Promise.resolve(this.behaviour.answer(operation, variables)).then((reply) => {
          if (res.destroyed) return;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify(
              'data' in reply
                ? { data: reply.data }
                : {
                    data: null,
                    errors: [{ message: reply.error.message, extensions: { code: reply.error.code } }],
                  },
            ),
          );
        });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A peer that does not answer until the test lets it: slower than any timeout however busy the
 * machine is, where a fixed delay would only be "slower than the timeout" on an idle one.
 */
export function heldUntilReleased(behaviour: PeerBehaviour): PeerBehaviour & { release(): void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    release,
    async answer(operation, variables) {
      await released;
      return behaviour.answer(operation, variables);
    },
  };
}

/**
 * Inventory as far as loans sees it: a number of free copies per book, reserved per borrowId
 * (idempotently), released by nothing here (the test checks the borrow-cancelled event instead).
 */
export function fakeInventory(copiesPerBook: Record<string, number>): PeerBehaviour & {
  reserved: Map<string, { bookId: string; copyId: string; holdId: null }[]>;
} {
  const free = new Map(Object.entries(copiesPerBook));
  const reserved = new Map<string, { bookId: string; copyId: string; holdId: null }[]>();
  return {
    reserved,
    answer(operation, variables) {
      if (operation !== 'ReserveCopies')
        return { error: { code: 'BAD_USER_INPUT', message: 'unknown call' } };
      const borrowId = variables['borrowId'] as string;
      const bookIds = variables['bookIds'] as string[];
      const again = reserved.get(borrowId);
      if (again) return { data: { reserveCopies: again } };
      for (const bookId of bookIds) {
        if (!free.has(bookId))
          return { error: { code: 'NOT_FOUND', message: `Book "${bookId}" does not exist.` } };
        if ((free.get(bookId) ?? 0) < 1) {
          return { error: { code: 'NO_COPY_AVAILABLE', message: `No copy of ${bookId} is free.` } };
        }
      }
      const copies = bookIds.map((bookId) => {
        const left = (free.get(bookId) ?? 0) - 1;
        free.set(bookId, left);
        return { bookId, copyId: `${bookId}-copy-${left}`, holdId: null };
      });
      reserved.set(borrowId, copies);
      return { data: { reserveCopies: copies } };
    },
  };
}

/** Members as far as loans sees it: a balance per member token, spent once per hold. */
export function fakeMembers(balance: number): PeerBehaviour & { spent: Map<string, number> } {
  const spent = new Map<string, number>();
  let left = balance;
  return {
    spent,
    answer(operation, variables) {
      if (operation !== 'SpendPointsForHold')
        return { error: { code: 'BAD_USER_INPUT', message: 'unknown call' } };
      const holdId = variables['holdId'] as string;
      const points = variables['points'] as number;
      if (!spent.has(holdId)) {
        if (points > left) {
          return {
            error: {
              code: 'INSUFFICIENT_POINTS',
              message: `A hold costs ${points} points; you have ${left}.`,
            },
          };
        }
        left -= points;
        spent.set(holdId, points);
      }
      return { data: { spendPointsForHold: left } };
    },
  };
}

/** One copy in {@link fakeDeskInventory}. */
export interface DeskCopy {
  readonly bookId: string;
  readonly copyId: string;
  readonly barcode: string;
  /** Reserved or lent: not free until the test puts it back. */
  taken: boolean;
  /** On the hold shelf for this hold, if set. */
  heldFor: { readonly holdId: string; readonly memberId: string } | null;
}

/**
 * Inventory as the desk's checkOut sees it: named copies, reserved by barcode for a member
 * (all or none, idempotently per request), refused as inventory refuses them. `ReserveCopies`
 * (borrowBooks) takes the first free copy of each book. Releases are the test's to make.
 */
export function fakeDeskInventory(): PeerBehaviour & {
  copies: Map<string, DeskCopy>;
  add(bookId: string, count?: number): DeskCopy[];
} {
  const copies = new Map<string, DeskCopy>();
  const reserved = new Map<string, DeskCopy[]>();
  let n = 0;
  const answerOf = (copy: DeskCopy) => ({
    bookId: copy.bookId,
    copyId: copy.copyId,
    barcode: copy.barcode,
    holdId: copy.heldFor?.holdId ?? null,
  });
  const refusal = (code: string, message: string) => ({ error: { code, message } });
  return {
    copies,
    add(bookId, count = 1) {
      return Array.from({ length: count }, () => {
        n += 1;
        const copy: DeskCopy = {
          bookId,
          copyId: `${bookId}-copy-${n}`,
          barcode: `SM${String(n).padStart(10, '0')}`,
          taken: false,
          heldFor: null,
        };
        copies.set(copy.barcode, copy);
        return copy;
      });
    },
    answer(operation, variables) {
      const borrowId = variables['borrowId'] as string;
      const again = reserved.get(borrowId);
      if (operation === 'ReserveCopiesByBarcode') {
        const memberId = variables['memberId'] as string;
        if (again) return { data: { reserveCopiesByBarcode: again.map(answerOf) } };
        const named: DeskCopy[] = [];
        for (const barcode of variables['barcodes'] as string[]) {
          const copy = copies.get(barcode);
          if (!copy) return refusal('NOT_FOUND', `No copy has the barcode ${barcode}.`);
          if (copy.taken || (copy.heldFor && copy.heldFor.memberId !== memberId)) {
            return refusal('NO_COPY_AVAILABLE', `Copy ${barcode} is out on loan, so it cannot be lent now.`);
          }
          named.push(copy);
        }
        for (const copy of named) copy.taken = true;
        reserved.set(borrowId, named);
        return { data: { reserveCopiesByBarcode: named.map(answerOf) } };
      }
      if (operation === 'ReserveCopies') {
        if (again) return { data: { reserveCopies: again.map(answerOf) } };
        const free = (variables['bookIds'] as string[]).map((bookId) =>
          [...copies.values()].find((copy) => copy.bookId === bookId && !copy.taken && !copy.heldFor),
        );
        if (free.some((copy) => !copy)) return refusal('NO_COPY_AVAILABLE', 'No copy is free.');
        const named = free as DeskCopy[];
        for (const copy of named) copy.taken = true;
        reserved.set(borrowId, named);
        return { data: { reserveCopies: named.map(answerOf) } };
      }
      return refusal('BAD_USER_INPUT', 'unknown call');
    },
  };
}
