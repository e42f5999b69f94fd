import type { z } from 'zod';
import type { CloudEvent } from '../envelope';
import { catalogueEvents } from './catalogue';
import { commentsEvents } from './comments';
import { inventoryEvents } from './inventory';
import { loansEvents } from './loans';
import { membersEvents } from './members';

/**
 * Every event type Shelfmark publishes, with the runtime schema of its `data`.
 * Types are versioned and past tense; a breaking change is a new `.vN`, never an edit.
 * docs/events.md lists producer and consumers of each.
 */
export const contracts = {
  ...catalogueEvents,
  ...inventoryEvents,
  ...membersEvents,
  ...loansEvents,
  ...commentsEvents,
} as const;

export type EventType = keyof typeof contracts;
export type EventData<T extends EventType> = z.infer<(typeof contracts)[T]>;
/** A CloudEvent whose `data` matches its type's contract; a union discriminated by `type`. */
export type ShelfmarkEvent<T extends EventType = EventType> = T extends EventType
  ? CloudEvent<T, EventData<T>>
  : never;

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(contracts, type);
}

export { bookAddedV1 } from './catalogue';
export { copyAddedV1, copyStatus, copyStatusChangedV1 } from './inventory';
export {
  memberBlockedV1,
  memberCardIssuedV1,
  memberRegisteredV1,
  memberRole,
  memberUnblockedV1,
  pointsChangedV1,
} from './members';
export {
  borrowCancelledV1,
  checkoutCancelledV1,
  holdAbandonedV1,
  holdCancelledV1,
  holdExpiredV1,
  holdFulfilledV1,
  holdPassedOnV1,
  holdPlacedV1,
  holdReadyV1,
  loanBorrowedV1,
  loanDueSoonV1,
  loanOverdueV1,
  loanRenewedV1,
  loanReturnedV1,
  nextHold,
} from './loans';
export { commentPostedV1 } from './comments';
