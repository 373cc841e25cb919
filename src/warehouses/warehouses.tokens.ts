/** The warehouses feature's handlers and queries (a `Warehouses` object). */
export const WAREHOUSES = Symbol('Warehouses');
/** `Projection[]`: the warehouses read models, for the lead's CheckpointedProcessor. */
export const WAREHOUSE_PROJECTIONS = Symbol('WarehouseProjections');
