export { availabilityOf, NO_COPIES, type Availability, type StatusCounts } from './Availability';
export { Barcode } from './Barcode';
export { CatalogueBook } from './CatalogueBook';
export type { CatalogueBookRepository } from './CatalogueBookRepository';
export { Copy, type LendOutcome, type NewCopy, type NextHold } from './Copy';
export { copyCount, MAX_COPIES_PER_REQUEST } from './CopyCount';
export type { CopyCandidate, CopyRepository, FreshCopies, StatusCount } from './CopyRepository';
export { COPY_STATUSES, CopyStatus, OUT_OF_CIRCULATION } from './CopyStatus';
export {
  BarcodeTaken,
  CopyChangedMeanwhile,
  CopyInUse,
  CopyNotLendable,
  HeldCopyWaiting,
  NoCopyAvailable,
  UnknownBarcode,
  UnknownBook,
  UnknownCopy,
  type CopyUnavailability,
} from './errors';
export { copyLocation, MAX_LOCATION_LENGTH } from './Location';
