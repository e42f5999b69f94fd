import {
  cloudEventEnvelope,
  contextOf,
  createEvent,
  deadLetterTopicFor,
  EventContext,
  isEventType,
  topicFor,
} from '../src';

const now = new Date('2026-01-02T03:04:05.678Z');
const data = { memberId: 'm1', email: 'ada@example.org', name: 'Ada', role: 'MEMBER', points: 0 } as const;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('createEvent', () => {
  it('builds a CloudEvents 1.0 structured-mode envelope sourced from the owning context', () => {
    const event = createEvent('shelfmark.members.member-registered.v1', 'm1', data, now);

    expect(event).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(uuid) as string,
      source: 'urn:shelfmark:members',
      type: 'shelfmark.members.member-registered.v1',
      subject: 'm1',
      time: '2026-01-02T03:04:05.678Z',
      datacontenttype: 'application/json',
      data,
      correlationid: event.id,
      causationid: event.id,
    });
    expect(cloudEventEnvelope.safeParse(event).success).toBe(true);
  });

  it('starts a new chain when no context is open: the event is its own correlation and cause', () => {
    expect(EventContext.current()).toBeUndefined();
    const event = createEvent('shelfmark.members.member-registered.v1', 'm1', data, now);

    expect(event.correlationid).toBe(event.id);
    expect(event.causationid).toBe(event.id);
    expect(event).not.toHaveProperty('traceparent');
  });

  it('gives every event a fresh id', () => {
    const ids = new Set(
      Array.from({ length: 20 }, () => createEvent('shelfmark.members.member-registered.v1', 'm1', data).id),
    );
    expect(ids.size).toBe(20);
  });

  it('stamps the time of now when no time is given', () => {
    const before = Date.now();
    const event = createEvent('shelfmark.members.member-registered.v1', 'm1', data);
    const stamped = Date.parse(event.time);

    expect(event.time).toBe(new Date(stamped).toISOString());
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });

  it('takes correlation, causation and trace from the ambient EventContext', () => {
    const event = EventContext.run({ correlationId: 'request-1', causationId: 'event-9', traceparent }, () =>
      createEvent('shelfmark.members.member-registered.v1', 'm1', data, now),
    );

    expect(event).toMatchObject({ correlationid: 'request-1', causationid: 'event-9', traceparent });
    expect(event.id).not.toBe('request-1');
  });

  it('uses the correlation id as cause when the context names no cause', () => {
    const event = EventContext.run({ correlationId: 'request-1' }, () =>
      createEvent('shelfmark.members.member-registered.v1', 'm1', data, now),
    );

    expect(event.correlationid).toBe('request-1');
    expect(event.causationid).toBe('request-1');
    expect(event).not.toHaveProperty('traceparent');
  });

  it('keeps the context across awaits inside the work, and only there', async () => {
    const event = await EventContext.run({ correlationId: 'request-2', causationId: 'cause-2' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return createEvent('shelfmark.members.member-registered.v1', 'm1', data, now);
    });

    expect(event).toMatchObject({ correlationid: 'request-2', causationid: 'cause-2' });
    expect(EventContext.current()).toBeUndefined();
  });

  it('refuses a type that names no context', () => {
    expect(() => createEvent('garbage', 'm1', data)).toThrow('Not a Shelfmark event type: garbage');
  });
});

describe('contextOf, topicFor and deadLetterTopicFor', () => {
  it('reads the owning context from the type', () => {
    expect(contextOf('shelfmark.loans.loan-borrowed.v1')).toBe('loans');
    expect(contextOf('shelfmark.catalogue.book-added.v1')).toBe('catalogue');
  });

  it('refuses a string that is not a Shelfmark event type', () => {
    expect(() => contextOf('garbage')).toThrow('Not a Shelfmark event type: garbage');
  });

  it('puts every event of one context on that context’s topic', () => {
    expect(topicFor('shelfmark.members.member-registered.v1')).toBe('shelfmark.members');
    expect(topicFor('shelfmark.members.member-card-issued.v1')).toBe('shelfmark.members');
    expect(topicFor('shelfmark.catalogue.book-added.v1')).toBe('shelfmark.catalogue');
  });

  it('names the dead-letter topic after the event’s topic', () => {
    expect(deadLetterTopicFor('shelfmark.loans.loan-borrowed.v1')).toBe('shelfmark.loans.dead-letter');
    expect(deadLetterTopicFor('shelfmark.members.member-card-issued.v1')).toBe(
      'shelfmark.members.dead-letter',
    );
  });
});

describe('isEventType', () => {
  it('knows every contracted type and nothing else, not even inherited object keys', () => {
    expect(isEventType('shelfmark.catalogue.book-added.v1')).toBe(true);
    expect(isEventType('shelfmark.members.member-card-issued.v1')).toBe(true);
    expect(isEventType('shelfmark.catalogue.book-added.v2')).toBe(false);
    expect(isEventType('toString')).toBe(false);
    expect(isEventType('constructor')).toBe(false);
  });
});
