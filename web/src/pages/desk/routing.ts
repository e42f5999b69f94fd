import type { CopyDestination } from '../../gql/graphql';

/** What checkIn answered, as far as the desk tells it. */
export interface Routed {
  readonly destination: CopyDestination;
  readonly hold?: {
    readonly member: { readonly name: string; readonly card?: { readonly number: string } | null };
  } | null;
}

/** Where a checked-in copy goes, as the desk says it: the shelf, or the hold shelf for whom. */
export function whereItGoes(routed: Routed): { shelf: 'SHELF' | 'HOLD_SHELF'; text: string } {
  if (routed.destination === 'HOLD_SHELF') {
    const member = routed.hold?.member;
    const who = member
      ? `${member.name}${member.card ? ` (card ${member.card.number})` : ''}`
      : 'the next member in the queue';
    return { shelf: 'HOLD_SHELF', text: `Put it on the hold shelf for ${who}.` };
  }
  return { shelf: 'SHELF', text: 'Back to the shelf: nobody is waiting for it.' };
}
