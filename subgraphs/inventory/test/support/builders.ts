import { createEvent, type CloudEvent, type EventData, type EventType } from '@shelfmark/events';
export { aBookAddedEvent } from '@shelfmark/testing';
import { Barcode, Copy } from '../../src/domain';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A barcode generator that hands out the given bodies in order (each padded to 10 characters). */
export function barcodesFrom(...bodies: string[]): () => Barcode {
  const queue = bodies.map((body) => barcode(body));
  return () => {
    const next = queue.shift();
    if (!next) throw new Error('The test ran out of barcodes');
    return next;
  };
}

/** `SM` + the body, padded with zeros to 10 characters: e.g. barcode('A') is SM000000000A. */
export function barcode(body: string): Barcode {
  const value = `SM${body.padStart(10, '0')}`;
  if (!Barcode.PATTERN.test(value)) throw new Error(`${value} is not a barcode`);
  // Crockford digits map back to the byte values that produce them.
  const bytes = Uint8Array.from([...value.slice(2)].map((c) => CROCKFORD.indexOf(c)));
  return Barcode.fromRandomBytes(bytes);
}

/** A barcode generator counting up from 1: deterministic and never repeating. */
export function sequentialBarcodes(): () => Barcode {
  let n = 0;
  return () => {
    n += 1;
    return barcode([...n.toString(32)].map((digit) => CROCKFORD[parseInt(digit, 32)]).join(''));
  };
}

type LoansEvent<T extends EventType> = T extends `shelfmark.loans.${string}` ? T : never;

/** A loans event as loans would publish it, the subject being its first id (loan, borrow or hold). */
export function aLoansEvent<T extends LoansEvent<EventType>>(type: T, data: EventData<T>): CloudEvent {
  const record = data as Record<string, unknown>;
  const subject = [record['loanId'], record['borrowId'], record['holdId']].find(
    (id): id is string => typeof id === 'string',
  );
  return createEvent(type, subject ?? 'subject', data);
}

let copiesBuilt = 0;

/**
 * An AVAILABLE copy of a book, as `addCopies` stores it, with its copy-added event already
 * published: its outbox holds only what a test makes it do.
 */
export function aCopy(bookId = 'dune', id?: string): Copy {
  copiesBuilt += 1;
  const copy = Copy.add(
    { id: id ?? `copy-${copiesBuilt}`, bookId, barcode: sequentialBarcodeFor(copiesBuilt), location: null },
    new Date(0),
  );
  copy.markPublished(copy.outbox.map((e) => e.id));
  return copy;
}

function sequentialBarcodeFor(n: number): Barcode {
  return barcode([...n.toString(32)].map((digit) => CROCKFORD[parseInt(digit, 32)]).join(''));
}
