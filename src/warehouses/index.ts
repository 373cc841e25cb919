/**
 * The warehouses feature as other features see it: the Nest module and its tokens, the pure
 * domain (decider, events, published record) and the stream loader for folding golden records.
 */
export * from './domain';
export { WarehousesModule } from './warehouses.module';
export { WAREHOUSES, WAREHOUSE_PROJECTIONS } from './warehouses.tokens';
export { createWarehouses } from './warehouses.factory';
export type { Warehouses } from './warehouses.factory';
export { WarehouseStreams, toDomainEvent } from './application/warehouse-streams';
export type { LoadedStream } from './application/warehouse-streams';
export { warehouseProjections } from './projections';
