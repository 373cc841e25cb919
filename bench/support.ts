import { performance } from 'node:perf_hooks';

/** Median of several timed rounds: the machine is shared, so single runs are noise. */
export async function medianMs(rounds: number, work: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

/** Runs the contenders in turn, round after round; returns each one's median time. */
export async function alternating(
  rounds: number,
  contenders: readonly [() => Promise<void>, () => Promise<void>],
): Promise<[number, number]> {
  const times: number[][] = contenders.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, work] of contenders.entries()) {
      const start = performance.now();
      await work();
      times[i]!.push(performance.now() - start);
    }
  }
  return [percentile(times[0]!, 50), percentile(times[1]!, 50)];
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** A realistic ~1 KB WDT warehouse observation event body. */
export function warehouseEventData(i: number): Record<string, unknown> {
  const no = `WH${String(i).padStart(6, '0')}`;
  const raw = {
    warehouse_no: no,
    warehouse_id: String(10_000 + i),
    name: `上海青浦${i}号仓`,
    type: 1,
    warehouse_type: 1,
    province: '上海市',
    city: '上海市',
    district: '青浦区',
    address: `华新镇华腾路${i}号`,
    contact: '王经理',
    telno: '021-59781234',
    mobile: '13800138000',
    zip: '201708',
    is_defect: 0,
    is_disabled: 0,
    remark: '',
    created: '2025-01-02 10:00:00',
    modified: '2026-11-28 09:00:00',
  };
  return {
    goldenId: `wh_${i}`,
    warehouseNo: no,
    warehouseId: raw.warehouse_id,
    raw,
    normalised: {
      warehouseNo: no,
      name: raw.name,
      typeCode: 1,
      typeLabel: '普通仓库',
      status: 'active',
      province: '上海市',
      city: '上海市',
      district: '青浦区',
      address: raw.address,
      mobile: raw.mobile,
    },
    contentHash: 'a'.repeat(64),
    syncRunId: 'run-bench',
    sourceChanges: [{ field: 'name', old: null, new: raw.name }],
  };
}
