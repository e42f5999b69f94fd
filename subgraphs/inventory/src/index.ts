export { inventorySubgraph } from './inventorySubgraph';
export type { InventoryContext } from './adapters/graphql/context';
export { availabilityOf, Barcode, Copy, CopyStatus, type Availability } from './domain';
