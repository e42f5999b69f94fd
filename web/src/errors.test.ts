import { CombinedError } from '@urql/vue';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describe as describeError, forForm, NETWORK_MESSAGE, problems, SENTENCES } from './errors';

/** Every code docs/errors.md documents: the first cell of each table row, in backticks. */
function documentedCodes(): string[] {
  const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../docs/errors.md'), 'utf8');
  return [...new Set([...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gm)].map((match) => match[1]!))];
}

const graphQLError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [{ message, extensions }] });

describe('API errors as sentences', () => {
  it('has a sentence for every code docs/errors.md documents', () => {
    const codes = documentedCodes();
    expect(codes.length).toBeGreaterThanOrEqual(20);
    expect(codes.filter((code) => !Object.hasOwn(SENTENCES, code))).toEqual([]);
  });

  it('keeps the server’s own sentence where it is written for people, and puts it next to its field', () => {
    expect(
      describeError({
        message: 'The ISBN 978-0-00-000000-1 is not valid: its check digit should be 2.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.isbn' },
      }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'The ISBN 978-0-00-000000-1 is not valid: its check digit should be 2.',
      field: 'isbn',
    });
  });

  it('tells staff the server’s words for the lending rules (they name the member or copy), readers its own', () => {
    const limit = {
      message: 'This member has 5 of 5 loans out; lending 1 more would go over the limit.',
      extensions: { code: 'LOAN_LIMIT_REACHED', limit: 5, current: 5, field: 'barcodes' },
    };
    expect(describeError(limit, 'staff')).toEqual({
      code: 'LOAN_LIMIT_REACHED',
      message: 'This member has 5 of 5 loans out; lending 1 more would go over the limit.',
      field: 'barcodes',
    });
    expect(describeError(limit).message).toBe(
      'You may have at most 5 books on loan at once. Return one to borrow more.',
    );
    const unknownCopy = {
      message: 'No copy has the barcode SM0000000000. Check the label, or scan it again.',
      extensions: { code: 'NOT_FOUND', entity: 'Copy' },
    };
    expect(describeError(unknownCopy, 'staff').message).toBe(unknownCopy.message);
    expect(
      describeError({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, 'staff').message,
    ).not.toBe('boom');
  });

  it('says technical and unexpected failures in its own words, never the server’s', () => {
    for (const code of ['INTERNAL_SERVER_ERROR', 'GRAPHQL_VALIDATION_FAILED', 'SERVICE_UNAVAILABLE']) {
      const { message } = describeError({
        message: 'Cannot query field "x" on type "Book".',
        extensions: { code },
      });
      expect(message).not.toContain('Cannot query field');
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('uses the details the code carries: the loan limit, how long to wait, what was not found', () => {
    expect(
      describeError({ message: '', extensions: { code: 'LOAN_LIMIT_REACHED', limit: 5, current: 5 } })
        .message,
    ).toBe('You may have at most 5 books on loan at once. Return one to borrow more.');
    expect(
      describeError({ message: 'x', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 90 } })
        .message,
    ).toBe('Too many attempts. Please wait 2 minutes and try again.');
    expect(
      describeError({ message: 'x', extensions: { code: 'NOT_FOUND', entity: 'Book', id: '9' } }).message,
    ).toBe('This book could not be found; it may have been removed.');
  });

  it('falls back to the server’s message for a code it does not know, and to a sentence for none', () => {
    expect(
      describeError({ message: 'A new rule said no.', extensions: { code: 'SOMETHING_NEW' } }).message,
    ).toBe('A new rule said no.');
    expect(describeError({ message: '', extensions: {} }).message).toBe(
      'Something went wrong. Please try again.',
    );
  });

  it('says the library cannot be reached when the request never got an answer', () => {
    const offline = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(problems(offline)).toEqual([{ code: 'NETWORK', message: NETWORK_MESSAGE }]);
  });

  it('splits a form’s problems into those next to a field it has and the rest', () => {
    const error = new CombinedError({
      graphQLErrors: [
        { message: 'A comment needs some text.', extensions: { code: 'BAD_USER_INPUT', field: 'body' } },
        { message: 'x', extensions: { code: 'BAD_USER_INPUT', field: 'bookId' } },
        { message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE' } },
      ],
    });
    const { fields, general } = forForm(error, ['body', 'rating']);
    expect(fields).toEqual({ body: 'A comment needs some text.' });
    expect(general).toEqual(['x', SENTENCES.SERVICE_UNAVAILABLE.say()]);
    expect(forForm(graphQLError('A', { code: 'CONFLICT' }), []).general).toEqual([SENTENCES.CONFLICT.say()]);
  });
});
