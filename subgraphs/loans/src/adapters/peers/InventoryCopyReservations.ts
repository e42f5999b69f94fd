import type { PeerClient } from '@shelfmark/subgraph-kit';
import type { CopyReservation, CopyReservations, ReserveCopies } from '../../application/ports';

const RESERVE = /* GraphQL */ `
  mutation ReserveCopies($borrowId: ID!, $bookIds: [ID!]!, $deadline: DateTime!) {
    reserveCopies(borrowId: $borrowId, bookIds: $bookIds, deadline: $deadline) {
      bookId
      copyId
      holdId
    }
  }
`;

/** Inventory's internal `reserveCopies`, called directly on the inventory subgraph. */
export class InventoryCopyReservations implements CopyReservations {
  constructor(private readonly inventory: PeerClient) {}

  async reserve(request: ReserveCopies): Promise<CopyReservation[]> {
    const data = await this.inventory.request<{ reserveCopies: CopyReservation[] }>({
      query: RESERVE,
      variables: {
        borrowId: request.borrowId,
        bookIds: request.bookIds,
        deadline: request.deadline.toISOString(),
      },
      authorization: request.authorization,
    });
    return data.reserveCopies;
  }
}
