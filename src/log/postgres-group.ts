import { DataSource } from 'typeorm';

/** TypeORM returns `[rows, count]` for UPDATE … RETURNING on postgres. */
export function returningRows(result: any): any[] {
  return Array.isArray(result[0]) ? result[0] : result;
}

export interface GroupView {
  readonly generation: number;
  /** Live member ids, sorted: partition p belongs to members[p % members.length]. */
  readonly members: readonly string[];
}

/**
 * One member's side of a consumer group of the embedded log, in PostgreSQL. The group row holds a
 * generation that moves whenever the set of live members changes; a partition is owned by one
 * member in one generation (log_partition_owners). A new owner claims a partition only once the old
 * one has released it, has died (no heartbeat for `memberTtlMs`), or has let `rebalanceTimeoutMs`
 * pass since the generation changed. Commits are conditional on ownership, so stale members cannot.
 */
export class PostgresGroupMember {
  constructor(
    private readonly db: DataSource,
    private readonly groupId: string,
    private readonly topic: string,
    readonly memberId: string,
    private readonly memberTtlMs: number,
    private readonly rebalanceTimeoutMs: number,
  ) {}

  async heartbeat(): Promise<void> {
    await this.db.query(
      `INSERT INTO log_group_members (group_id, topic, member_id) VALUES ($1, $2, $3)
       ON CONFLICT (group_id, topic, member_id) DO UPDATE SET heartbeat_at = now()`,
      [this.groupId, this.topic, this.memberId],
    );
  }

  /** The current generation; starts a new one when the live members differ from the generation's. */
  async join(): Promise<GroupView> {
    const seen = await this.look(this.db);
    if (seen.current && sameMembers(seen.current.members, seen.live)) return seen.current;
    return this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO log_groups (group_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [this.groupId, this.topic]);
      await tx.query(`SELECT 1 FROM log_groups WHERE group_id = $1 AND topic = $2 FOR UPDATE`, [this.groupId, this.topic]);
      const locked = await this.look(tx);
      if (locked.current && sameMembers(locked.current.members, locked.live)) return locked.current;
      const [row] = returningRows(
        await tx.query(
          `UPDATE log_groups SET generation = generation + 1, members = $3, changed_at = now() WHERE group_id = $1 AND topic = $2 RETURNING generation::text AS generation`,
          [this.groupId, this.topic, locked.live],
        ),
      );
      return { generation: Number(row.generation), members: locked.live };
    });
  }

  /** Takes the partitions this member is assigned in `generation`; answers those it now owns. */
  async claim(partitions: readonly number[], generation: number): Promise<number[]> {
    if (partitions.length === 0) return [];
    const rows = returningRows(
      await this.db.query(
        `INSERT INTO log_partition_owners AS o (group_id, topic, partition, member_id, generation)
           SELECT $1, $2, p, $3, $4 FROM unnest($5::int[]) p
            WHERE EXISTS (SELECT 1 FROM log_groups g WHERE g.group_id = $1 AND g.topic = $2 AND g.generation = $4)
         ON CONFLICT (group_id, topic, partition) DO UPDATE SET member_id = EXCLUDED.member_id, generation = EXCLUDED.generation
          WHERE o.member_id = EXCLUDED.member_id
             OR NOT EXISTS (SELECT 1 FROM log_group_members m WHERE m.group_id = o.group_id AND m.topic = o.topic
                              AND m.member_id = o.member_id AND m.heartbeat_at > now() - make_interval(secs => $6))
             OR EXISTS (SELECT 1 FROM log_groups g WHERE g.group_id = o.group_id AND g.topic = o.topic
                          AND g.changed_at < now() - make_interval(secs => $7))
         RETURNING partition`,
        [this.groupId, this.topic, this.memberId, generation, partitions, this.memberTtlMs / 1000, this.rebalanceTimeoutMs / 1000],
      ),
    );
    return rows.map((r) => Number(r.partition)).sort((a, b) => a - b);
  }

  /** Lets go of every partition but `keep`, so their new owners can start. */
  async release(keep: readonly number[] = []): Promise<void> {
    await this.db.query(
      `DELETE FROM log_partition_owners WHERE group_id = $1 AND topic = $2 AND member_id = $3 AND NOT (partition = ANY($4::int[]))`,
      [this.groupId, this.topic, this.memberId, keep],
    );
  }

  /** Asked of the database, not of a cached assignment: false as soon as a rebalance moved on. */
  async owns(partition: number, generation: number): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM log_partition_owners o JOIN log_groups g ON g.group_id = o.group_id AND g.topic = o.topic
        WHERE o.group_id = $1 AND o.topic = $2 AND o.partition = $3 AND o.member_id = $4 AND o.generation = $5 AND g.generation = $5`,
      [this.groupId, this.topic, partition, this.memberId, generation],
    );
    return rows.length > 0;
  }

  /** Commits `nextOffset` if this member still owns the partition in this generation; false if fenced. */
  async commit(partition: number, generation: number, nextOffset: number): Promise<boolean> {
    const rows = returningRows(
      await this.db.query(
        `INSERT INTO log_consumer_offsets (group_id, topic, partition, next_offset)
           SELECT $1, $2, $3, $6 WHERE EXISTS (
             SELECT 1 FROM log_partition_owners o JOIN log_groups g ON g.group_id = o.group_id AND g.topic = o.topic
              WHERE o.group_id = $1 AND o.topic = $2 AND o.partition = $3 AND o.member_id = $4 AND o.generation = $5 AND g.generation = $5)
         ON CONFLICT (group_id, topic, partition)
           DO UPDATE SET next_offset = GREATEST(log_consumer_offsets.next_offset, EXCLUDED.next_offset), updated_at = now()
         RETURNING partition`,
        [this.groupId, this.topic, partition, this.memberId, generation, nextOffset],
      ),
    );
    return rows.length > 0;
  }

  async leave(): Promise<void> {
    await this.release();
    await this.db.query(`DELETE FROM log_group_members WHERE group_id = $1 AND topic = $2 AND member_id = $3`, [
      this.groupId,
      this.topic,
      this.memberId,
    ]);
  }

  private async look(db: Pick<DataSource, 'query'>): Promise<{ current: GroupView | undefined; live: string[] }> {
    const [group] = await db.query(`SELECT generation::text AS generation, members FROM log_groups WHERE group_id = $1 AND topic = $2`, [
      this.groupId,
      this.topic,
    ]);
    const live: { member_id: string }[] = await db.query(
      `SELECT member_id FROM log_group_members WHERE group_id = $1 AND topic = $2 AND heartbeat_at > now() - make_interval(secs => $3) ORDER BY member_id`,
      [this.groupId, this.topic, this.memberTtlMs / 1000],
    );
    return {
      current: group ? { generation: Number(group.generation), members: group.members as string[] } : undefined,
      live: live.map((r) => r.member_id),
    };
  }
}

const sameMembers = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((m, i) => m === b[i]);
