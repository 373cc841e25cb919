'use strict';
// The local table of golden warehouses, fed one Kafka message at a time. No Kafka code here: it only
// knows the message contract of mdm.warehouse.golden.v1, so it can be tested (and reused) on its own.

/**
 * Rules, straight from the contract:
 * - key = golden id; versions of one key only grow but may skip numbers;
 * - delivery is at-least-once: a message may come again (same goldenId and version) → ignore it;
 * - a version lower than the one in the table is stale (a redelivery after a newer one) → ignore it;
 * - `change: "retired"` ends a record (retired, or merged into `record.mergedInto`); a restore comes
 *   later as a higher version and is applied like any newer version;
 * - a tombstone (null value) follows the final message: the key is gone. Its `version` header keeps
 *   late redeliveries of older versions from bringing the record back.
 */
class WarehouseTable {
  constructor() {
    /** goldenId → { version, change, record, eventId, occurredAt } */
    this.rows = new Map();
    /** goldenId → final version, for keys deleted by a tombstone. */
    this.deleted = new Map();
    this.stats = { applied: 0, duplicates: 0, stale: 0, tombstones: 0 };
  }

  /**
   * Applies one message: `{ key, value, headers }` as kafkajs gives it (value a Buffer, a string or null).
   * Returns what happened: 'applied' | 'duplicate' | 'stale' | 'deleted'.
   */
  apply(message) {
    const goldenId = text(message.key);
    if (message.value === null || message.value === undefined) return this.tombstone(goldenId, Number(header(message, 'version') ?? 0));
    const event = JSON.parse(text(message.value));
    if (event.schema !== 'mdm.warehouse.golden/1') throw new Error(`unexpected schema ${event.schema} on key ${goldenId}`);
    const current = this.rows.get(event.goldenId)?.version ?? this.deleted.get(event.goldenId) ?? 0;
    if (event.version === current) return this.count('duplicates', 'duplicate');
    if (event.version < current) return this.count('stale', 'stale');
    this.rows.set(event.goldenId, {
      version: event.version,
      change: event.change,
      record: event.record,
      eventId: event.eventId,
      occurredAt: event.occurredAt,
    });
    this.deleted.delete(event.goldenId);
    return this.count('applied', 'applied');
  }

  get(goldenId) {
    return this.rows.get(goldenId);
  }

  /** The warehouses that are not retired, by warehouse number. */
  active() {
    return [...this.rows.values()]
      .filter((row) => row.change !== 'retired')
      .map((row) => row.record)
      .sort((a, b) => a.warehouseNo.localeCompare(b.warehouseNo));
  }

  tombstone(goldenId, finalVersion) {
    const version = Math.max(finalVersion, this.rows.get(goldenId)?.version ?? 0);
    this.rows.delete(goldenId);
    this.deleted.set(goldenId, version);
    return this.count('tombstones', 'deleted');
  }

  count(stat, outcome) {
    this.stats[stat] += 1;
    return outcome;
  }
}

function text(value) {
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

function header(message, name) {
  const value = message.headers?.[name];
  return value === undefined || value === null ? undefined : text(Array.isArray(value) ? value[0] : value);
}

module.exports = { WarehouseTable };
