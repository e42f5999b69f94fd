import { EventContext, HANDLED_EVENTS_MEMORY, parseEvent } from '../src';
import { Member } from './support/Member';

const now = new Date('2026-01-02T03:04:05Z');

describe('AggregateRoot', () => {
  describe('record', () => {
    it('starts with an empty outbox', () => {
      const member = new Member();

      expect(member.outbox).toEqual([]);
      expect(member.hasOutbox).toBe(false);
    });

    it('appends each event to the outbox, in order, and flags the outbox', () => {
      const member = Member.register('m1', 'ada@example.org', now);
      member.issueCard('C-1', now);

      expect(member.hasOutbox).toBe(true);
      expect(member.outbox.map((event) => event.type)).toEqual([
        'shelfmark.members.member-registered.v1',
        'shelfmark.members.member-card-issued.v1',
      ]);
      expect(member.outbox[0]).toMatchObject({
        subject: 'm1',
        source: 'urn:shelfmark:members',
        time: now.toISOString(),
        data: { memberId: 'm1', email: 'ada@example.org', role: 'MEMBER', points: 0 },
      });
      expect(member.outbox[1]).toMatchObject({ data: { memberId: 'm1', number: 'C-1' } });
    });

    it('records events that pass their own contract', () => {
      const member = Member.register('m1', 'ada@example.org', now);
      member.issueCard('C-1', now);

      for (const event of member.outbox) {
        expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
      }
    });

    it('stamps the events with the ambient cause', () => {
      const member = EventContext.run({ correlationId: 'request-1', causationId: 'event-7' }, () =>
        Member.register('m1'),
      );

      expect(member.outbox[0]).toMatchObject({ correlationid: 'request-1', causationid: 'event-7' });
    });
  });

  describe('markPublished', () => {
    it('removes only the published events, keeping the others in order', () => {
      const member = Member.register('m1', 'ada@example.org', now);
      member.issueCard('C-1', now);
      member.issueCard('C-2', now);
      const [registered, first, second] = member.outbox;

      member.markPublished([first!.id]);

      expect(member.outbox).toEqual([registered, second]);
      expect(member.hasOutbox).toBe(true);
    });

    it('clears the flag once nothing is left to publish', () => {
      const member = Member.register('m1');
      member.issueCard('C-1');

      member.markPublished(member.outbox.map((event) => event.id));

      expect(member.outbox).toEqual([]);
      expect(member.hasOutbox).toBe(false);
    });

    it('ignores ids it does not hold, such as events already removed by an earlier pass', () => {
      const member = Member.register('m1');
      const [registered] = member.outbox;

      member.markPublished(['someone-else', 'already-gone']);

      expect(member.outbox).toEqual([registered]);
      expect(member.hasOutbox).toBe(true);
    });

    it('keeps an event recorded after the relay read the outbox', () => {
      const member = Member.register('m1');
      const read = member.outbox.map((event) => event.id);
      member.issueCard('C-1');

      member.markPublished(read);

      expect(member.outbox.map((event) => event.type)).toEqual(['shelfmark.members.member-card-issued.v1']);
      expect(member.hasOutbox).toBe(true);
    });
  });

  describe('hasHandled and markHandled', () => {
    it('remembers the events it applied', () => {
      const member = Member.register('m1');

      expect(member.hasHandled('event-1')).toBe(false);
      member.markHandled('event-1');

      expect(member.hasHandled('event-1')).toBe(true);
      expect(member.hasHandled('event-2')).toBe(false);
    });

    it(`remembers only the last ${HANDLED_EVENTS_MEMORY} ids, forgetting the oldest first`, () => {
      const member = Member.register('m1');
      const ids = Array.from({ length: HANDLED_EVENTS_MEMORY + 1 }, (_, i) => `event-${i}`);

      for (const id of ids) member.markHandled(id);

      expect(member.handledEvents).toHaveLength(HANDLED_EVENTS_MEMORY);
      expect(member.hasHandled('event-0')).toBe(false);
      expect(member.hasHandled('event-1')).toBe(true);
      expect(member.hasHandled(`event-${HANDLED_EVENTS_MEMORY}`)).toBe(true);
    });

    it('keeps its memory bounded however many events it sees', () => {
      const member = Member.register('m1');

      for (let i = 0; i < HANDLED_EVENTS_MEMORY * 3; i += 1) member.markHandled(`event-${i}`);

      expect(member.handledEvents).toHaveLength(HANDLED_EVENTS_MEMORY);
      expect(member.handledEvents.at(-1)).toBe(`event-${HANDLED_EVENTS_MEMORY * 3 - 1}`);
    });
  });
});
