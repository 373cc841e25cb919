/** The warehouses domain's public surface: what the publisher, ingestion and the sink may use. */
export * from './canonical-warehouse';
export * from './commands';
export * from './events';
export * from './golden-fields';
export * from './matching';
export * from './published-record';
export * from './source-keys';
export * from './state';
export * from './survivorship';
export { evolve } from './evolve';
export { warehouseDecider, createWarehouseDecider } from './warehouse-decider';
export type { WarehouseDecider } from './warehouse-decider';
export { duplicateTaskId } from './decide-observation';
export { syncFailureTaskId } from './decide-kingdee';
export { warehouseTypeLabel, WDT_WAREHOUSE_TYPES } from './warehouse-types';
