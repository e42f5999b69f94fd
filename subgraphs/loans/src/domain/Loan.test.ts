import { DEFAULT_RULES } from './CirculationRules';
import { Loan, LoanStatus } from './Loan';

const t0 = new Date('2026-03-01T10:00:00.000Z');
const days = (n: number) => new Date(t0.getTime() + n * 24 * 3600 * 1000);
const aLoan = () =>
  Loan.borrow(
    {
      id: 'l1',
      borrowId: 'b1',
      memberId: 'm1',
      bookId: 'book-1',
      copyId: 'c1',
      barcode: 'SM0000000001',
      holdId: null,
    },
    DEFAULT_RULES,
    t0,
  );

describe('Loan', () => {
  it('is lent for the loan period and announces loan-borrowed', () => {
    const loan = aLoan();
    expect(loan).toMatchObject({
      status: LoanStatus.ACTIVE,
      renewals: 0,
      returnedAt: null,
      barcode: 'SM0000000001',
    });
    expect(loan.dueAt).toEqual(days(14));
    expect(loan.outbox).toHaveLength(1);
    expect(loan.outbox[0]).toMatchObject({
      type: 'shelfmark.loans.loan-borrowed.v1',
      subject: 'l1',
      data: { loanId: 'l1', borrowId: 'b1', copyId: 'c1', dueAt: days(14).toISOString() },
    });
  });

  describe('giving back', () => {
    it('on time: RETURNED, onTime, and the copy goes to the next hold', () => {
      const loan = aLoan();
      loan.giveBack({ holdId: 'h1', memberId: 'm2' }, days(14));
      expect(loan).toMatchObject({ status: LoanStatus.RETURNED, returnedAt: days(14) });
      expect(loan.outbox.at(-1)).toMatchObject({
        type: 'shelfmark.loans.loan-returned.v1',
        data: { onTime: true, nextHold: { holdId: 'h1', memberId: 'm2' }, copyId: 'c1' },
      });
    });

    it('late: not on time, the copy back on the shelves', () => {
      const loan = aLoan();
      loan.giveBack(null, days(15));
      expect(loan.outbox.at(-1)?.data).toMatchObject({ onTime: false, nextHold: null });
    });

    it('twice is refused as BAD_USER_INPUT', () => {
      const loan = aLoan();
      loan.giveBack(null, days(1));
      expect(() => loan.giveBack(null, days(2))).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT' }) as Error,
      );
    });
  });

  describe('renewing', () => {
    it('pushes the due date one loan period from the current due date', () => {
      const loan = aLoan();
      loan.renew(DEFAULT_RULES, 0, days(10));
      expect(loan.dueAt).toEqual(days(28));
      expect(loan.renewals).toBe(1);
      expect(loan.outbox.at(-1)).toMatchObject({
        type: 'shelfmark.loans.loan-renewed.v1',
        data: { renewals: 1, dueAt: days(28).toISOString() },
      });
    });

    it('stops at the renewal limit', () => {
      const loan = aLoan();
      loan.renew(DEFAULT_RULES, 0, days(1));
      loan.renew(DEFAULT_RULES, 0, days(2));
      expect(() => loan.renew(DEFAULT_RULES, 0, days(3))).toThrow(
        expect.objectContaining({ code: 'RENEWAL_LIMIT_REACHED' }) as Error,
      );
      expect(loan.renewals).toBe(2);
    });

    it('is refused while another member waits for the book', () => {
      const loan = aLoan();
      expect(() => loan.renew(DEFAULT_RULES, 1, days(1))).toThrow(
        expect.objectContaining({ code: 'HOLD_QUEUE_NOT_EMPTY' }) as Error,
      );
      expect(loan.dueAt).toEqual(days(14));
    });

    it('is refused once overdue, and once returned', () => {
      const overdue = aLoan();
      expect(() => overdue.renew(DEFAULT_RULES, 0, days(15))).toThrow(/overdue/);
      const returned = aLoan();
      returned.giveBack(null, days(1));
      expect(() => returned.renew(DEFAULT_RULES, 0, days(2))).toThrow(/already returned/);
    });
  });

  it('becomes OVERDUE once, only after its due date', () => {
    const loan = aLoan();
    expect(loan.markOverdue(days(14))).toBe(false);
    expect(loan.markOverdue(days(15))).toBe(true);
    expect(loan.status).toBe(LoanStatus.OVERDUE);
    expect(loan.markOverdue(days(16))).toBe(false);
    expect(loan.outbox.filter((e) => e.type === 'shelfmark.loans.loan-overdue.v1')).toHaveLength(1);
    expect(loan.isOverdueAt(days(16))).toBe(true);
  });

  it('reminds once per due date, within the due-soon window', () => {
    const loan = aLoan();
    expect(loan.remindIfDueSoon(DEFAULT_RULES, days(11))).toBe(false);
    expect(loan.remindIfDueSoon(DEFAULT_RULES, days(12))).toBe(true);
    expect(loan.remindIfDueSoon(DEFAULT_RULES, days(13))).toBe(false);
    loan.renew(DEFAULT_RULES, 0, days(13));
    expect(loan.remindIfDueSoon(DEFAULT_RULES, days(26))).toBe(true);
  });
});
