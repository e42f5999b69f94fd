import { Borrower } from './Borrower';
import { DEFAULT_RULES } from './CirculationRules';

const now = new Date('2026-03-01T10:00:00.000Z');
const longAgo = new Date('2026-02-01T10:00:00.000Z');
const staleBefore = new Date(now.getTime() - 15_000);

describe('Borrower', () => {
  it('claims slots up to the loan limit, counting loans and pending claims', () => {
    const borrower = Borrower.of('m1');
    borrower.claim('b1', 3, DEFAULT_RULES, now, staleBefore);
    borrower.settle('b1', ['l1', 'l2', 'l3']);
    borrower.claim('b2', 1, DEFAULT_RULES, now, staleBefore);
    expect(() => borrower.claim('b3', 2, DEFAULT_RULES, now, staleBefore)).toThrow(
      expect.objectContaining({
        code: 'LOAN_LIMIT_REACHED',
        details: { limit: 5, current: 4, asked: 2 },
      }) as Error,
    );
    borrower.claim('b3', 1, DEFAULT_RULES, now, staleBefore);
    expect(borrower.pending.map((claim) => claim.borrowId)).toEqual(['b2', 'b3']);
  });

  it('frees slots when a claim is abandoned or a loan ends', () => {
    const borrower = Borrower.of('m1');
    borrower.claim('b1', 5, DEFAULT_RULES, now, staleBefore);
    borrower.abandon('b1');
    borrower.claim('b2', 5, DEFAULT_RULES, now, staleBefore);
    borrower.settle('b2', ['l1', 'l2', 'l3', 'l4', 'l5']);
    borrower.settle('b2', ['l1', 'l2', 'l3', 'l4', 'l5']);
    expect(borrower.loanIds).toHaveLength(5);
    borrower.loanEnded('l1');
    borrower.loanEnded('l1');
    expect(() => borrower.claim('b3', 1, DEFAULT_RULES, now, staleBefore)).not.toThrow();
  });

  it('ignores claims of requests that died (older than the saga timeout)', () => {
    const borrower = Borrower.of('m1');
    borrower.claim('dead', 5, DEFAULT_RULES, longAgo, new Date(0));
    expect(() => borrower.claim('b1', 5, DEFAULT_RULES, now, staleBefore)).not.toThrow();
    expect(borrower.pending.map((claim) => claim.borrowId)).toEqual(['b1']);
  });

  it('refuses a blocked member with the reason, and lets them borrow once unblocked', () => {
    const borrower = Borrower.of('m1');
    borrower.block('Lost three books');
    expect(() => borrower.claim('b1', 1, DEFAULT_RULES, now, staleBefore)).toThrow(
      expect.objectContaining({
        code: 'MEMBER_BLOCKED',
        message: expect.stringContaining('Lost three books') as string,
      }) as Error,
    );
    borrower.unblock();
    expect(() => borrower.claim('b1', 1, DEFAULT_RULES, now, staleBefore)).not.toThrow();
  });

  it('speaks to staff about the member when they lend at the desk', () => {
    const borrower = Borrower.of('m1');
    borrower.claim('b1', 4, DEFAULT_RULES, now, staleBefore);
    borrower.settle('b1', ['l1', 'l2', 'l3', 'l4']);
    expect(() => borrower.claim('b2', 2, DEFAULT_RULES, now, staleBefore, 'STAFF')).toThrow(
      expect.objectContaining({
        code: 'LOAN_LIMIT_REACHED',
        message: 'This member has 4 of 5 loans out; lending 2 more would go over the limit.',
      }) as Error,
    );
    borrower.block('Unpaid fines');
    expect(() => borrower.claim('b3', 1, DEFAULT_RULES, now, staleBefore, 'STAFF')).toThrow(
      expect.objectContaining({
        code: 'MEMBER_BLOCKED',
        message: expect.stringMatching(/^This member is blocked \(Unpaid fines\)/) as string,
      }) as Error,
    );
  });

  it('keeps the card number members issued, by which the desk finds the member', () => {
    const borrower = Borrower.of('m1');
    expect(borrower.cardNumber).toBeNull();
    borrower.cardIssued('SM-04718265');
    expect(borrower.cardNumber).toBe('SM-04718265');
  });

  describe('standing (what the desk shows before the first scan)', () => {
    it('may borrow: loans out and the limit', () => {
      const borrower = Borrower.of('m1');
      borrower.claim('b1', 2, DEFAULT_RULES, now, staleBefore);
      borrower.settle('b1', ['l1', 'l2']);
      expect(borrower.standing(DEFAULT_RULES, false, staleBefore)).toEqual({
        activeLoans: 2,
        loanLimit: 5,
        cannotBorrowBecause: null,
      });
    });

    it('at the limit, counting requests in flight but not dead ones', () => {
      const borrower = Borrower.of('m1');
      borrower.claim('dead', 1, DEFAULT_RULES, longAgo, new Date(0));
      borrower.claim('b1', 4, DEFAULT_RULES, now, staleBefore);
      borrower.settle('b1', ['l1', 'l2', 'l3', 'l4']);
      expect(borrower.standing(DEFAULT_RULES, false, staleBefore).cannotBorrowBecause).toBeNull();
      borrower.claim('b2', 1, DEFAULT_RULES, now, staleBefore);
      expect(borrower.standing(DEFAULT_RULES, false, staleBefore)).toEqual({
        activeLoans: 4,
        loanLimit: 5,
        cannotBorrowBecause: 'LOAN_LIMIT_REACHED',
      });
    });

    it('blocked first, then an overdue loan', () => {
      const borrower = Borrower.of('m1');
      expect(borrower.standing(DEFAULT_RULES, true, staleBefore).cannotBorrowBecause).toBe('OVERDUE_LOAN');
      borrower.block('Lost three books');
      expect(borrower.standing(DEFAULT_RULES, true, staleBefore).cannotBorrowBecause).toBe('BLOCKED');
    });
  });
});
