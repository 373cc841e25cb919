/**
 * The tasks a steward decides: duplicates and Kingdee sync failures; reconciliation adds drift and missing-in-Kingdee
 * tasks (unknown Kingdee records live in the reconciliation log); `wdt_listing_truncated`: a sync's listing looked cut
 * short, so it flagged nothing missing (no record concerned).
 */
export const STEWARDSHIP_TASK_TYPES = ['duplicate', 'sync_failure', 'kingdee_drift', 'kingdee_missing', 'wdt_listing_truncated'] as const;
export type StewardshipTaskType = (typeof STEWARDSHIP_TASK_TYPES)[number];
