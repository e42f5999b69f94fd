import { Mail, messageIdFor } from './Mail';
import { afterFailure } from './Retry';

const budget = { maxAttempts: 4, firstDelayMs: 1_000, maxDelayMs: 3_000 };
const now = new Date('2026-11-29T12:00:00.000Z');

describe('mail decisions', () => {
  it('decides a mail PENDING, due at once, with no attempt yet', () => {
    const mail = Mail.decide(
      { eventId: 'e-1', kind: 'WELCOME', memberId: 'm-1', bookId: null, deadline: null },
      now,
    );
    expect(mail).toMatchObject({ eventId: 'e-1', status: 'PENDING', attempts: 0, claim: 0, notBefore: now });
  });

  it('derives the Message-ID from the event id alone, the same on every attempt', () => {
    const id = '5c7e1a2b-0000-4000-8000-000000000001';
    expect(messageIdFor(id, 'library.test')).toBe(`<${id}.notification@library.test>`);
    expect(messageIdFor(id, 'library.test')).toBe(messageIdFor(id, 'library.test'));
    expect(messageIdFor('a<b>@c', 'library.test')).toBe('<a_b__c.notification@library.test>');
  });

  it('backs off exponentially after each failure, up to the cap', () => {
    const delays = [1, 2, 3].map((attempts) => {
      const next = afterFailure(attempts, now, budget);
      return next.dead ? 'dead' : next.retryAt.getTime() - now.getTime();
    });
    expect(delays).toEqual([1_000, 2_000, 3_000]);
  });

  it('gives a mail up as DEAD on the last attempt of its budget, not before', () => {
    expect(afterFailure(3, now, budget).dead).toBe(false);
    expect(afterFailure(4, now, budget).dead).toBe(true);
  });
});
