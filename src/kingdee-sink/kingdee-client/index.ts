/** The Kingdee WebAPI client's public surface. */
export { KingdeeClient, type KingdeeClientOptions, type KingdeeLogger } from './kingdee-client';
export { createKingdeeClient } from './create-kingdee-client';
export { KingdeeError, KingdeeErrorCode, isRetryableCode, type KingdeeErrorInfo } from './kingdee-error';
export type { KingdeeCredentials } from './login';
export type { BatchSaveOutcome, BatchSaveRequest } from './batch-save';
export type { RecordOutcome, RecordError } from './batch-save-result';
export type { BillQuery } from './bill-query';
export type { ExistingKingdeeStock, LookupStrategy } from './find-stocks';
export type { OperationRecordOutcome, OperationTargets, SwitchOperation } from './excute-operation';
