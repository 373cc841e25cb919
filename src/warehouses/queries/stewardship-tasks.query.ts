import { SqlExecutor } from '../../event-store/stored-event';
import { Page } from './search-warehouses.query';
import { StewardshipTaskType } from './stewardship-task-types';
import { iso } from './warehouse-detail';

export interface TaskParams {
  readonly status?: 'open' | 'resolved';
  readonly type?: StewardshipTaskType;
  readonly page: number;
  readonly pageSize: number;
}

export interface TaskRecordRef {
  readonly goldenId: string;
  readonly warehouseNo: string | null;
  readonly name: string | null;
}

export interface StewardshipTaskView {
  readonly taskId: string;
  readonly type: StewardshipTaskType;
  readonly status: 'open' | 'resolved';
  readonly title: string;
  /** null for a task that concerns no single record (wdt_listing_truncated). */
  readonly record: TaskRecordRef | null;
  readonly otherRecord: TaskRecordRef | null;
  readonly details: unknown;
  readonly openedAt: string;
  readonly resolvedAt: string | null;
  readonly resolution: string | null;
  readonly resolvedBy: string | null;
}

const FROM_WHERE = `FROM stewardship_tasks t WHERE ($1::text IS NULL OR t.status = $1) AND ($2::text IS NULL OR t.type = $2)`;

/** Tasks newest first, with the warehouse_no and name of the records they concern. */
export async function listTasks(db: SqlExecutor, params: TaskParams): Promise<Page<StewardshipTaskView>> {
  const filters = [params.status ?? null, params.type ?? null];
  const [rows, [count]] = await Promise.all([
    db.query(
      `SELECT t.*, a.warehouse_no AS a_no, a.name AS a_name, b.warehouse_no AS b_no, b.name AS b_name
         FROM (SELECT t.* ${FROM_WHERE} ORDER BY t.opened_at DESC, t.task_id LIMIT $3 OFFSET $4) t
         LEFT JOIN golden_warehouses a ON a.golden_id = t.golden_id
         LEFT JOIN golden_warehouses b ON b.golden_id = t.other_golden_id
        ORDER BY t.opened_at DESC, t.task_id`,
      [...filters, params.pageSize, (params.page - 1) * params.pageSize],
    ),
    db.query(`SELECT count(*)::int AS total ${FROM_WHERE}`, filters),
  ]);
  return { items: rows.map(toView), page: params.page, pageSize: params.pageSize, total: count.total };
}

function toView(r: Record<string, any>): StewardshipTaskView {
  return {
    taskId: r.task_id,
    type: r.type,
    status: r.status,
    title: r.title,
    details: r.details,
    record: r.golden_id ? { goldenId: r.golden_id, warehouseNo: r.a_no, name: r.a_name } : null,
    otherRecord: r.other_golden_id ? { goldenId: r.other_golden_id, warehouseNo: r.b_no, name: r.b_name } : null,
    openedAt: iso(r.opened_at)!,
    resolvedAt: iso(r.resolved_at),
    resolution: r.resolution,
    resolvedBy: r.resolved_by,
  };
}
