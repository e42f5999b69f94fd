import { ContractViolation, parseEvent, type CloudEvent } from '../src';
import {
  aBookAdded,
  aCommentPosted,
  aCopyAdded,
  aMemberCardIssued,
  aMemberRegistered,
} from './support/builders';

/** What parseEvent threw; fails the test if it accepted the event or threw something else. */
function violationOf(raw: unknown): ContractViolation {
  try {
    parseEvent(raw);
  } catch (error) {
    if (error instanceof ContractViolation) return error;
    throw error;
  }
  throw new Error(`parseEvent accepted ${JSON.stringify(raw)}`);
}

/** As it arrives over a wire: JSON, with no object identity shared with the producer. */
const overTheWire = (event: CloudEvent): unknown => JSON.parse(JSON.stringify(event));

describe('parseEvent', () => {
  it.each([
    ['book-added', aBookAdded()],
    ['copy-added', aCopyAdded()],
    ['member-registered', aMemberRegistered()],
    ['member-card-issued', aMemberCardIssued()],
    ['comment-posted', aCommentPosted()],
    ['comment-posted without a rating', aCommentPosted(undefined, { rating: null })],
  ])('accepts a valid %s event, as it came over the wire', (_, event) => {
    expect(parseEvent(overTheWire(event))).toEqual(event);
  });

  it('accepts and keeps a traceparent', () => {
    const event = { ...aBookAdded(), traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    expect(parseEvent(overTheWire(event)).traceparent).toBe(event.traceparent);
  });

  it('accepts a time with an offset', () => {
    const event = { ...aBookAdded(), time: '2026-01-02T04:04:05+01:00' };
    expect(parseEvent(event).time).toBe('2026-01-02T04:04:05+01:00');
  });

  describe('rejects a malformed envelope', () => {
    it.each<[string, (event: Record<string, unknown>) => unknown, string]>([
      ['without an id', ({ id: _, ...rest }) => rest, 'id: '],
      ['with an empty id', (event) => ({ ...event, id: '' }), 'id: '],
      ['of another CloudEvents version', (event) => ({ ...event, specversion: '0.3' }), 'specversion: '],
      ['without a subject', ({ subject: _, ...rest }) => rest, 'subject: '],
      ['with a time that is not ISO 8601', (event) => ({ ...event, time: 'yesterday' }), 'time: '],
      ['in XML', (event) => ({ ...event, datacontenttype: 'application/xml' }), 'datacontenttype: '],
      ['without a correlation id', ({ correlationid: _, ...rest }) => rest, 'correlationid: '],
      ['without a causation id', ({ causationid: _, ...rest }) => rest, 'causationid: '],
      [
        'with a traceparent that is not a string',
        (event) => ({ ...event, traceparent: 42 }),
        'traceparent: ',
      ],
    ])('%s', (_, spoil, issue) => {
      const violation = violationOf(spoil({ ...aBookAdded() }));

      expect(violation.message).toMatch(/^Malformed CloudEvent: /);
      expect(violation.issues).toEqual([expect.stringMatching(new RegExp(`^${issue}`))]);
    });

    it.each([
      ['a string', 'hello'],
      ['null', null],
      ['an array', [1, 2]],
    ])('that is %s, not an object', (_, raw) => {
      const violation = violationOf(raw);

      expect(violation.message).toMatch(/^Malformed CloudEvent/);
      expect(violation.issues).toEqual([expect.stringMatching(/^\(root\): /)]);
    });

    it('listing every broken field, readably', () => {
      const violation = violationOf({ specversion: '1.0', type: 'shelfmark.catalogue.book-added.v1' });

      expect(violation.issues.map((issue) => issue.split(':')[0])).toEqual(
        expect.arrayContaining([
          'id',
          'source',
          'subject',
          'time',
          'datacontenttype',
          'correlationid',
          'causationid',
        ]),
      );
      for (const issue of violation.issues) expect(violation.message).toContain(issue);
    });
  });

  it.each([
    'shelfmark.catalogue.BookAdded.v1',
    'shelfmark.catalogue.book-added',
    'shelfmark.catalogue.book-added.1',
    'library.catalogue.book-added.v1',
    'shelfmark.book-added.v1',
    'shelfmark.catalogue.book_added.v1',
  ])('rejects the type %s, which breaks the naming rule', (type) => {
    const violation = violationOf({ ...aBookAdded(), type });

    expect(violation.message).toMatch(/^Malformed CloudEvent: /);
    expect(violation.issues).toEqual(['type: type must be shelfmark.<context>.<event>.v<N>']);
  });

  it.each(['shelfmark.loans.loan-stolen.v1', 'shelfmark.catalogue.book-added.v2'])(
    'rejects %s, a well-named type with no contract',
    (type) => {
      const violation = violationOf({ ...aBookAdded(), type });

      expect(violation.message).toBe(`Unknown event type: ${type}`);
      expect(violation.issues).toEqual([type]);
    },
  );

  it.each<[string, CloudEvent, string]>([
    [
      'an ISBN that is not 13 digits',
      { ...aBookAdded(), data: { ...aBookAdded().data, isbn: '978-0441' } },
      'data.isbn: ',
    ],
    [
      'a missing title',
      { ...aBookAdded(), data: { ...aBookAdded().data, title: undefined } },
      'data.title: ',
    ],
    [
      'a fractional year',
      { ...aBookAdded(), data: { ...aBookAdded().data, publishedYear: 1965.5 } },
      'data.publishedYear: ',
    ],
    [
      'an invalid email',
      { ...aMemberRegistered(), data: { ...aMemberRegistered().data, email: 'ada' } },
      'data.email: ',
    ],
    [
      'an unknown role',
      { ...aMemberRegistered(), data: { ...aMemberRegistered().data, role: 'KING' } },
      'data.role: ',
    ],
    [
      'negative points',
      { ...aMemberRegistered(), data: { ...aMemberRegistered().data, points: -1 } },
      'data.points: ',
    ],
    [
      'a rating of 6',
      { ...aCommentPosted(), data: { ...aCommentPosted().data, rating: 6 } },
      'data.rating: ',
    ],
    [
      'an unknown copy status',
      { ...aCopyAdded(), data: { ...aCopyAdded().data, status: 'BORROWED' } },
      'data.status: ',
    ],
    [
      'a card expiry that is not a date',
      { ...aMemberCardIssued(), data: { ...aMemberCardIssued().data, expiresAt: 'never' } },
      'data.expiresAt: ',
    ],
  ])('rejects data with %s, naming the field', (_, event, issue) => {
    const violation = violationOf(overTheWire(event));

    expect(violation.message).toMatch(
      new RegExp(`^Event ${event.type.replace(/\./g, '\\.')} does not match its contract: `),
    );
    expect(violation.issues).toEqual([expect.stringMatching(new RegExp(`^${issue}`))]);
  });

  it('rejects data that is not an object at all', () => {
    const violation = violationOf({ ...aBookAdded(), data: 'Dune' });

    expect(violation.message).toMatch(/does not match its contract/);
    expect(violation.issues).toHaveLength(1);
  });

  it('throws a ContractViolation that is an Error named for itself, carrying the issues in its message', () => {
    const violation = violationOf({ ...aBookAdded(), id: '' });

    expect(violation).toBeInstanceOf(Error);
    expect(violation.name).toBe('ContractViolation');
    expect(violation.message).toBe(`Malformed CloudEvent: ${violation.issues.join('; ')}`);
  });
});
