import type {
  BatchSaveOutcome,
  BatchSaveRequest,
  ExistingKingdeeStock,
  OperationRecordOutcome,
  OperationTargets,
  RecordOutcome,
  SwitchOperation,
} from '../kingdee-client';
import { KingdeeErrorCode } from '../kingdee-client';
import type { SinkKingdee } from '../existing-stocks';

type Model = Record<string, unknown>;
/** Replaces the normal answer for one Model entry (by number) or throws for the whole call. */
export type FakeRule = (entry: Model, index: number) => RecordOutcome | undefined;

/** An in-memory BD_STOCK with just enough Kingdee behaviour for the sink's unit tests. */
export class FakeKingdee implements SinkKingdee {
  readonly stocks = new Map<string, string>();
  /** FStockIds whose FForbidStatus is B. */
  readonly forbidden = new Set<string>();
  readonly calls: { service: string; numbers: string[] }[] = [];
  rules: FakeRule[] = [];
  /** The next N BatchSave calls throw this instead of answering. */
  failCalls: { count: number; error: Error } = { count: 0, error: new Error('unset') };
  /** Fails the whole call whenever it returns an error for the Model sent. */
  failWhen: (model: readonly Model[]) => Error | undefined = () => undefined;
  private nextId = 100001;

  async findStocks(numbers: readonly string[], useOrg: string | undefined): Promise<Map<string, ExistingKingdeeStock>> {
    this.calls.push({ service: 'ExecuteBillQuery', numbers: [...numbers] });
    return new Map(
      numbers
        .filter((n) => this.stocks.has(n))
        .map((n) => [n, { fStockId: this.stocks.get(n)!, number: n, useOrg, forbidden: this.forbidden.has(this.stocks.get(n)!) }]),
    );
  }

  /** Forbid / Enable by Ids, with the simulator's per-record answers (unknown id → not found, a repeat → unchanged). */
  async executeOperation(_formId: string, operation: SwitchOperation, targets: OperationTargets): Promise<OperationRecordOutcome[]> {
    const ids = 'ids' in targets ? targets.ids : targets.numbers.map((n) => this.stocks.get(n) ?? n);
    this.calls.push({ service: operation, numbers: [...ids] });
    if (this.failCalls.count > 0) {
      this.failCalls.count--;
      throw this.failCalls.error;
    }
    return ids.map((id, index): OperationRecordOutcome => {
      if (![...this.stocks.values()].includes(id)) {
        const error = {
          code: KingdeeErrorCode.notFound,
          message: `[${id}]单据不存在或者已被删除`,
          fieldName: undefined,
          msgCode: 10,
          retryable: false,
        };
        return { index, target: id, status: 'failed', error };
      }
      const forbid = operation === 'Forbid';
      if (this.forbidden.has(id) === forbid) return { index, target: id, status: 'unchanged', message: 'already' };
      if (forbid) this.forbidden.add(id);
      else this.forbidden.delete(id);
      return { index, target: id, status: 'done', id };
    });
  }

  async batchSave(request: BatchSaveRequest): Promise<BatchSaveOutcome> {
    const model = request.data.Model as Model[];
    this.calls.push({ service: 'BatchSave', numbers: model.map((m) => String(m.FNumber)) });
    if (this.failCalls.count > 0) {
      this.failCalls.count--;
      throw this.failCalls.error;
    }
    const failed = this.failWhen(model);
    if (failed) throw failed;
    return {
      records: model.map((entry, index) => this.rules.map((r) => r(entry, index)).find(Boolean) ?? this.save(entry, index)),
      sessionRenewed: false,
    };
  }

  private save(entry: Model, index: number): RecordOutcome {
    const number = String(entry.FNumber);
    const id = Number(entry.FStockId ?? 0);
    if (id > 0 && ![...this.stocks.values()].includes(String(id)))
      return failure(index, number, KingdeeErrorCode.notFound, `未找到内码为 ${id} 的仓库数据`);
    if (id > 0) return { index, number, status: 'saved', id: String(id) };
    if (this.stocks.has(number))
      return failure(index, number, KingdeeErrorCode.duplicateNumber, `违反字段唯一性要求：编码唯一。[${number}]在当前系统中已经被使用。`);
    this.stocks.set(number, String(this.nextId++));
    return { index, number, status: 'saved', id: this.stocks.get(number)! };
  }
}

export function failure(index: number, number: string, code: KingdeeErrorCode, message: string, retryable = false): RecordOutcome {
  return { index, number, status: 'failed', error: { code, message, fieldName: 'FNumber', msgCode: 11, retryable } };
}
