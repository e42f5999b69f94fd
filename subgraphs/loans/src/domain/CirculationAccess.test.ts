import { NotAllowed, NotSignedIn } from '@shelfmark/errors';
import { assertMayReadCirculationOf, NotYourCirculation, type Reader } from './CirculationAccess';

const member = (memberId: string): Reader => ({ memberId, role: 'MEMBER' });

describe('assertMayReadCirculationOf', () => {
  it('lets a member read their own records', () => {
    expect(() => assertMayReadCirculationOf(member('m1'), 'm1')).not.toThrow();
  });

  it.each(['LIBRARIAN', 'ADMIN'] as const)("lets staff (%s) read anyone's records", (role) => {
    expect(() => assertMayReadCirculationOf({ memberId: 'staff', role }, 'm1')).not.toThrow();
  });

  it("refuses another member's records as FORBIDDEN", () => {
    const attempt = () => assertMayReadCirculationOf(member('m2'), 'm1');
    expect(attempt).toThrow(NotYourCirculation);
    expect(attempt).toThrow(NotAllowed);
    expect(attempt).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }) as Error);
  });

  it('refuses an anonymous reader as UNAUTHENTICATED', () => {
    const attempt = () => assertMayReadCirculationOf(null, 'm1');
    expect(attempt).toThrow(NotSignedIn);
    expect(attempt).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }) as Error);
  });
});
