import { membersSubgraph } from './membersSubgraph';
import { resolveMembersSettings } from './settings';

const base = { initialPoints: 30, tokenTtlSeconds: 3600 };

describe('members settings', () => {
  it('defaults the card validity to three years, the on-time reward to one point, and validates the admin account', () => {
    expect(
      resolveMembersSettings({ ...base, admin: { email: ' Admin@Library.test', password: 'long enough' } }),
    ).toEqual({
      initialPoints: 30,
      tokenTtlSeconds: 3600,
      cardValidityYears: 3,
      onTimeReturnPoints: 1,
      admin: { email: 'admin@library.test', password: 'long enough' },
      librarian: null,
      loginLimits: { failuresPerAccountAndAddress: 10, failuresPerAddress: 100, windowSeconds: 900 },
    });
    expect(resolveMembersSettings(base).admin).toBeNull();
  });

  it('validates the start-up librarian account (the demo library) like the admin', () => {
    expect(
      resolveMembersSettings({
        ...base,
        librarian: { email: 'Librarian@Library.test', password: 'long enough' },
      }).librarian,
    ).toEqual({ email: 'librarian@library.test', password: 'long enough' });
  });

  it('takes an on-time reward of 0 (no reward) or more', () => {
    expect(resolveMembersSettings({ ...base, onTimeReturnPoints: 0 }).onTimeReturnPoints).toBe(0);
    expect(resolveMembersSettings({ ...base, onTimeReturnPoints: 5 }).onTimeReturnPoints).toBe(5);
  });

  it.each([
    [{ ...base, initialPoints: -1 }, /initialPoints must be a whole number of at least 0/],
    // Issue 8: members allowed 1 s while the launcher's zod schema required 60; the zod value stands.
    [{ ...base, tokenTtlSeconds: 59 }, /tokenTtlSeconds must be a whole number of at least 60/],
    [{ ...base, cardValidityYears: 0.5 }, /cardValidityYears must be a whole number of at least 1/],
    [{ ...base, onTimeReturnPoints: -1 }, /onTimeReturnPoints must be a whole number of at least 0/],
    [{ ...base, onTimeReturnPoints: 1.5 }, /onTimeReturnPoints must be a whole number of at least 0/],
    [
      { ...base, admin: { email: 'admin', password: 'long enough' } },
      /admin email is not acceptable.*not a valid e-mail/,
    ],
    [
      { ...base, admin: { email: 'admin@library.test', password: 'short' } },
      /admin password is not acceptable.*at least 8 characters/,
    ],
    [
      { ...base, librarian: { email: 'librarian@library.test', password: 'short' } },
      /librarian password is not acceptable.*at least 8 characters/,
    ],
  ])('makes membersSubgraph fail at once on %j', (settings, message) => {
    expect(() => membersSubgraph(settings)).toThrow(message);
  });
});
