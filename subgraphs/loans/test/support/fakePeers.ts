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
