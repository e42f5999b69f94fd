import { availabilityOf, NO_COPIES } from './Availability';

describe('availabilityOf', () => {
  it('is all zeros for a book without copies', () => {
    expect(availabilityOf({})).toEqual(NO_COPIES);
    expect(NO_COPIES).toEqual({ total: 0, available: 0, onLoan: 0, onHoldShelf: 0 });
  });

  it('counts every copy in circulation towards the total', () => {
    expect(availabilityOf({ AVAILABLE: 2, ON_LOAN: 3, ON_HOLD_SHELF: 1 })).toEqual({
      total: 6,
      available: 2,
      onLoan: 3,
      onHoldShelf: 1,
    });
  });

  it('leaves LOST and WITHDRAWN copies out of the total', () => {
    expect(availabilityOf({ AVAILABLE: 1, ON_LOAN: 1, LOST: 4, WITHDRAWN: 5 })).toEqual({
      total: 2,
      available: 1,
      onLoan: 1,
      onHoldShelf: 0,
    });
    expect(availabilityOf({ LOST: 1, WITHDRAWN: 1 })).toEqual(NO_COPIES);
  });
});
