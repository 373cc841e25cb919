import type { StewardshipTask } from '../api/types';
import type { Tone } from './badges';

/** Every kind of task a steward may be asked to decide; unknown Kingdee records come from the reconciliation log. */
export type TaskType = StewardshipTask['type'] | 'kingdee_unknown';

/** The page that decides each type: the inbox and a record's open-task badges link there. */
export const TASK_PAGE: Record<TaskType, string> = {
  duplicate: '/stewardship/duplicates',
  sync_failure: '/stewardship/sync-failures',
  kingdee_drift: '/reconciliation',
  kingdee_missing: '/reconciliation',
  kingdee_unknown: '/reconciliation',
  wdt_listing_truncated: '/operations',
};

/** Each type's badge colour, the same on every page. */
export const TASK_TONE: Record<TaskType, Tone> = {
  duplicate: 'amber',
  sync_failure: 'red',
  kingdee_drift: 'amber',
  kingdee_missing: 'red',
  kingdee_unknown: 'violet',
  wdt_listing_truncated: 'blue',
};
