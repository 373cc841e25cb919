import type { SqlExecutor } from '../event-store/stored-event';
import type { ConsumedMessage } from './message-log.port';

export interface PartitionBatch {
  readonly partition: number;
  readonly messages: readonly ConsumedMessage[];
}

/**
 * The next batch of each partition, from its next offset, in one query (one round trip per poll
 * however many partitions a member owns). Partitions with nothing new are left out.
 */
export async function fetchBatches(
  db: SqlExecutor,
  topic: string,
  from: readonly { partition: number; from: string }[],
  limit: number,
): Promise<PartitionBatch[]> {
  if (from.length === 0) return [];
  const rows: { partition: number; offset: string; key: string; value: string | null; headers: Record<string, string> }[] = await db.query(
    `SELECT m.partition, m."offset"::text AS offset, m.key, m.value, m.headers
       FROM unnest($2::int[], $3::bigint[]) AS p(partition, next_offset)
       CROSS JOIN LATERAL (
         SELECT l.partition, l."offset", l.key, l.value, l.headers FROM log_messages l
          WHERE l.topic = $1 AND l.partition = p.partition AND l."offset" >= p.next_offset
          ORDER BY l."offset" LIMIT $4) m
      ORDER BY m.partition, m."offset"`,
    [topic, from.map((f) => f.partition), from.map((f) => f.from), limit],
  );
  const batches = new Map<number, ConsumedMessage[]>();
  for (const r of rows) {
    const message = { topic, partition: r.partition, offset: r.offset, key: r.key, value: r.value, headers: r.headers };
    const batch = batches.get(r.partition);
    if (batch) batch.push(message);
    else batches.set(r.partition, [message]);
  }
  return [...batches].map(([partition, messages]) => ({ partition, messages }));
}
