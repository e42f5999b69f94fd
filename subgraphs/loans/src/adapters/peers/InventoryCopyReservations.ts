import type { PeerClient } from '@shelfmark/subgraph-kit';
import type {
  CopyReservation,
  CopyReservations,
  ReserveCopies,
  ReserveNamedCopies,
} from '../../application/ports';

const RESERVE = /* GraphQL */ `
  mutation ReserveCopies($borrowId: ID!, $bookIds: [ID!]!, $deadline: DateTime!) {
    reserveCopies(borrowId: $borrowId, bookIds: $bookIds, deadline: $deadline) {
      bookId
      copyId
      barcode
      holdId
    }
  }
`;

const RESERVE_BY_BARCODE = /* GraphQL */ `
  mutation ReserveCopiesByBarcode(
    $borrowId: ID!
    $memberId: ID!
    $barcodes: [String!]!
    $deadline: DateTime!
  ) {
    reserveCopiesByBarcode(
      borrowId: $borrowId
      memberId: $memberId
      barcodes: $barcodes
      deadline: $deadline
    ) {
      bookId
      copyId
      barcode
      holdId
    }
  }
`;

/** Inventory's internal `reserveCopies` and `reserveCopiesByBarcode`, called directly on the inventory subgraph. */
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

  async reserveByBarcode(request: ReserveNamedCopies): Promise<CopyReservation[]> {
    const data = await this.inventory.request<{ reserveCopiesByBarcode: CopyReservation[] }>({
      query: RESERVE_BY_BARCODE,
      variables: {
        borrowId: request.borrowId,
        memberId: request.memberId,
        barcodes: request.barcodes,
        deadline: request.deadline.toISOString(),
      },
      authorization: request.authorization,
    });
    return data.reserveCopiesByBarcode;
  }
}
