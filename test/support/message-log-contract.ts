import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConsumedMessage, MessageLog, SubscribeOptions, Subscription } from '../../src/log/message-log.port';
import { uniqueName } from './kafka';
import { waitFor } from './wait-for';

export interface LogUnderTest {
  readonly log: MessageLog;
  /** A second client of the same log, as another hub instance would have. */
  readonly otherInstance: MessageLog;
  close(): Promise<void>;
}

/** One contract, run against every MessageLog adapter (Kafka and the embedded PostgreSQL log). */
export function describeMessageLogContract(name: string, open: () => Promise<LogUnderTest>): void {
  describe(`message log contract: ${name}`, { timeout: 180_000 }, () => {
    let under: LogUnderTest;
    const subscriptions: Subscription[] = [];
    before(async () => {
      under = await open();
    });
    after(async () => {
      await Promise.all(subscriptions.map((s) => s.stop().catch(() => undefined)));
      await under.close();
    });

    const topicWith = async (partitions: number) => {
      const topic = uniqueName('contract');
      await under.log.ensureTopic(topic, { partitions, compact: true });
      return topic;
    };
    const consume = async (
      log: MessageLog,
      options: Omit<SubscribeOptions, 'handleBatch'> & { handleBatch?: SubscribeOptions['handleBatch'] },
      into: ConsumedMessage[],
    ) => {
      const subscription = await log.subscribe({
        retryBackoffMs: 50,
        ...options,
        handleBatch: options.handleBatch ?? (async (messages) => void into.push(...messages)),
      });
      subscriptions.push(subscription);
      return subscription;
    };
    const messagesFor = (keys: number, perKey: number, round = 0) =>
      Array.from({ length: keys * perKey }, (_, i) => ({
        key: `wh-${i % keys}`,
        value: JSON.stringify({ key: `wh-${i % keys}`, seq: Math.floor(i / keys), round }),
        headers: { 'x-round': String(round) },
      }));

    it('keeps the order of messages with the same key, and carries headers', async () => {
      const topic = await topicWith(3);
      await under.log.publish(topic, messagesFor(10, 3, 0).slice(0, 15));
      await under.log.publish(topic, messagesFor(10, 3, 0).slice(15));
      const seen: ConsumedMessage[] = [];
      await consume(under.log, { groupId: uniqueName('g'), topic }, seen);
      await waitFor(() => seen.length >= 30, '30 messages');
      for (let k = 0; k < 10; k++) {
        const seqs = seen.filter((m) => m.key === `wh-${k}`).map((m) => JSON.parse(m.value!).seq);
        assert.deepEqual(
          seqs,
          [0, 1, 2],
          `order of wh-${k}: ${JSON.stringify(seen.filter((m) => m.key === `wh-${k}`).map((m) => [m.partition, m.offset, m.value]))}`,
        );
      }
      assert.equal(seen[0]!.headers?.['x-round'], '0');
      assert.equal(new Set(seen.filter((m) => m.key === 'wh-1').map((m) => m.partition)).size, 1, 'one key, one partition');
    });

    it("carries a tombstone (null value) for a key, after that key's last value, headers included", async () => {
      const topic = await topicWith(2);
      await under.log.publish(topic, [
        { key: 'wh-retired', value: '{"final":true}', headers: { ce_id: 'e-1' } },
        { key: 'wh-retired', value: null, headers: { tombstone: 'true' } },
        { key: 'wh-kept', value: '{"final":false}' },
      ]);
      const seen: ConsumedMessage[] = [];
      await consume(under.log, { groupId: uniqueName('g'), topic }, seen);
      await waitFor(() => seen.length >= 3, '3 messages');
      const retired = seen.filter((m) => m.key === 'wh-retired');
      assert.deepEqual(
        retired.map((m) => [m.value, m.headers?.ce_id ?? m.headers?.tombstone]),
        [
          ['{"final":true}', 'e-1'],
          [null, 'true'],
        ],
      );
      assert.equal(seen.find((m) => m.key === 'wh-kept')?.value, '{"final":false}', 'an empty value is not a tombstone');
    });

    it('redelivers what a member took but never committed, after that member crashed', async () => {
      const topic = await topicWith(1);
      const groupId = uniqueName('g');
      await under.log.publish(topic, messagesFor(5, 2));
      const takenByCrashed: ConsumedMessage[] = [];
      const crashed: { subscription?: Subscription } = {};
      crashed.subscription = await consume(
        under.log,
        {
          groupId,
          topic,
          handleBatch: async (messages) => {
            takenByCrashed.push(...messages);
            void crashed.subscription?.stop(); // the process dies mid-batch: nothing is committed
            throw new Error('crash before commit');
          },
        },
        [],
      );
      await waitFor(() => takenByCrashed.length > 0, 'the first member to take a batch');
      await crashed.subscription.stop();
      const seen: ConsumedMessage[] = [];
      await consume(under.otherInstance, { groupId, topic }, seen);
      await waitFor(() => seen.length >= 10, 'redelivery to the next member');
      for (const m of takenByCrashed)
        assert.ok(
          seen.some((s) => s.offset === m.offset),
          `offset ${m.offset} redelivered`,
        );
    });

    it('retries a failed batch without committing it', async () => {
      const topic = await topicWith(1);
      await under.log.publish(topic, messagesFor(3, 1));
      const attempts: string[][] = [];
      await consume(
        under.log,
        {
          groupId: uniqueName('g'),
          topic,
          handleBatch: async (messages) => {
            attempts.push(messages.map((m) => m.offset));
            if (attempts.length === 1) throw new Error('Kingdee is down');
          },
        },
        [],
      );
      await waitFor(() => attempts.length >= 2, 'a retry');
      assert.deepEqual(attempts[1], attempts[0], 'the same messages again');
    });

    it('keeps committed offsets across restarts', async () => {
      const topic = await topicWith(2);
      const groupId = uniqueName('g');
      await under.log.publish(topic, messagesFor(4, 2, 1));
      const first: ConsumedMessage[] = [];
      const s1 = await consume(under.log, { groupId, topic }, first);
      await waitFor(() => first.length >= 8, 'round 1');
      await s1.stop();
      await under.log.publish(topic, messagesFor(4, 1, 2));
      const second: ConsumedMessage[] = [];
      await consume(under.otherInstance, { groupId, topic }, second);
      await waitFor(() => second.length >= 4, 'round 2');
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(
        second.map((m) => JSON.parse(m.value!).round),
        [2, 2, 2, 2],
        'nothing from round 1 again',
      );
      await waitFor(async () => (await under.log.consumerLag(groupId, topic)).every((p) => p.lag === 0), 'zero lag');
    });

    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const at = (m: ConsumedMessage) => `${m.partition}:${m.offset}`;
    const everyOffset = async (topic: string) =>
      (await under.log.consumerLag(uniqueName('none'), topic)).flatMap((p) =>
        Array.from({ length: Number(p.end) }, (_, o) => `${p.partition}:${o}`),
      );

    it('a member slow in its batch gives its partitions up uncommitted when another joins, and everything is handled', async () => {
      const topic = await topicWith(2);
      const groupId = uniqueName('g');
      await under.log.publish(topic, messagesFor(10, 2));
      const handled: ConsumedMessage[] = [];
      const slow: { batch?: ConsumedMessage[]; gaveUp?: boolean } = {};
      await consume(
        under.log,
        {
          groupId,
          topic,
          handleBatch: async (messages, context) => {
            if (slow.batch) return void handled.push(...messages);
            slow.batch = [...messages];
            // A long Kingdee call, heartbeating as the sink does, checking before each "write".
            for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(100)) {
              await context.heartbeat().catch(() => undefined);
              if (!(await context.isActive())) return void (slow.gaveUp = true); // resolves, yet must commit nothing
            }
            throw new Error('never told that the partition moved');
          },
        },
        [],
      );
      await waitFor(() => slow.batch, 'the first member to start a batch');
      const joined: ConsumedMessage[] = [];
      let joinedOwns: readonly number[] = [];
      await consume(under.otherInstance, { groupId, topic, onAssignment: (p) => (joinedOwns = p) }, joined);
      await waitFor(() => slow.gaveUp, 'the slow member to give its batch up', 60_000);
      const all = await everyOffset(topic);
      await waitFor(
        () => {
          const seen = new Set([...handled, ...joined].map(at));
          return all.every((o) => seen.has(o));
        },
        'every message handled by a member that kept its partition',
        60_000,
      );
      await waitFor(async () => (await under.log.consumerLag(groupId, topic)).every((p) => p.lag === 0), 'zero lag', 30_000);
      const seen = new Set([...handled, ...joined].map(at));
      for (const m of slow.batch!) assert.ok(seen.has(at(m)), `${at(m)} of the given-up batch delivered again (it was not committed)`);
      await waitFor(() => joinedOwns.length > 0, 'the member that joined to own a partition', 30_000);
    });

    it('a failing batch comes again by redelivery after a growing backoff, while other partitions keep flowing', async () => {
      const topic = await topicWith(2);
      await under.log.publish(topic, messagesFor(10, 1, 1));
      const attempts: { offsets: string[]; at: number }[] = [];
      const others: { message: ConsumedMessage; at: number }[] = [];
      let failing: number | undefined;
      await consume(
        under.log,
        {
          groupId: uniqueName('g'),
          topic,
          retryBackoffMs: 400,
          handleBatch: async (messages) => {
            failing ??= messages[0]!.partition;
            if (messages[0]!.partition !== failing || attempts.length >= 3) {
              return void others.push(...messages.map((message) => ({ message, at: Date.now() })));
            }
            attempts.push({ offsets: messages.map((m) => m.offset), at: Date.now() });
            if (attempts.length <= 2) throw new Error('Kingdee is down');
          },
        },
        [],
      );
      await waitFor(() => attempts.length >= 1, 'a first attempt');
      await under.log.publish(topic, messagesFor(20, 1, 2)); // lands on both partitions
      await waitFor(() => attempts.length >= 3, 'two redeliveries', 60_000);
      const [first, second, third] = attempts as [(typeof attempts)[0], (typeof attempts)[0], (typeof attempts)[0]];
      for (const again of [second, third]) {
        assert.deepEqual(again.offsets.slice(0, first.offsets.length), first.offsets, 'the same messages again, from the same offset');
      }
      assert.ok(second.at - first.at >= 300, `first backoff ${second.at - first.at} ms (base 400 ms, ±25 %)`);
      assert.ok(third.at - second.at >= 600, `second backoff ${third.at - second.at} ms (doubled)`);
      assert.ok(
        others.some((o) => o.message.partition !== failing && JSON.parse(o.message.value!).round === 2 && o.at < third.at),
        'the other partition was consumed while the failing one waited',
      );
    });

    it('a member whose generation went stale cannot commit: its batch is dropped and handled again by the owner', async () => {
      const topic = await topicWith(1);
      const groupId = uniqueName('g');
      await under.log.publish(topic, messagesFor(5, 2));
      const handled: ConsumedMessage[] = [];
      const stale: { batch?: ConsumedMessage[]; release?: () => void } = {};
      const released = new Promise<void>((resolve) => (stale.release = resolve));
      const silent = await consume(
        under.log,
        {
          groupId,
          topic,
          handleBatch: async (messages) => {
            if (stale.batch) return void handled.push(...messages);
            stale.batch = [...messages];
            await released; // no heartbeat: the group gives the partition to someone else meanwhile
          },
        },
        [],
      );
      await waitFor(() => stale.batch, 'the first member to take the batch');
      const owner = { took: [] as ConsumedMessage[], hold: true };
      await consume(
        under.otherInstance,
        {
          groupId,
          topic,
          handleBatch: async (messages, context) => {
            owner.took.push(...messages);
            while (owner.hold) {
              await context.heartbeat().catch(() => undefined);
              await sleep(50);
            }
            if (await context.isActive()) handled.push(...messages);
            else throw new Error('moved on');
          },
        },
        [],
      );
      await waitFor(() => owner.took.length > 0, 'the partition to move to the live member', 60_000);
      stale.release!();
      await waitFor(() => silent.health().lastError, 'the stale member to be refused', 30_000);
      const [partition] = await under.log.consumerLag(groupId, topic);
      assert.equal(partition!.committed, '-1', `nothing committed by the stale member (${silent.health().lastError})`);
      owner.hold = false;
      const all = await everyOffset(topic);
      await waitFor(() => all.every((o) => handled.some((m) => at(m) === o)), 'every message handled by an owner', 60_000);
      await waitFor(async () => (await under.log.consumerLag(groupId, topic)).every((p) => p.lag === 0), 'zero lag', 30_000);
    });

    it('works on several partitions at once when asked (partitionsConcurrently), each still in order and committed', async () => {
      const topic = await topicWith(2);
      const groupId = uniqueName('g');
      await under.log.publish(topic, messagesFor(10, 2));
      const inside = new Set<number>();
      let overlapped = false;
      const handled: ConsumedMessage[] = [];
      await consume(
        under.log,
        {
          groupId,
          topic,
          partitionsConcurrently: 2,
          handleBatch: async (messages) => {
            const partition = messages[0]!.partition;
            inside.add(partition);
            // Hold this partition's batch until the other partition's batch is under way too (bounded).
            const other = await waitFor(() => inside.size === 2, 'the other partition in hand', 5_000).catch(() => false);
            overlapped ||= other === true;
            handled.push(...messages);
            inside.delete(partition);
          },
        },
        [],
      );
      await waitFor(async () => (await under.log.consumerLag(groupId, topic)).every((p) => p.lag === 0), 'zero lag', 60_000);
      assert.ok(overlapped, 'batches of the two partitions were handled at the same time');
      const seqs = new Map<string, number[]>();
      for (const m of handled) seqs.set(m.key, [...(seqs.get(m.key) ?? []), JSON.parse(m.value!).seq]);
      for (const [key, order] of seqs)
        assert.deepEqual(
          order,
          [...order].sort((a, b) => a - b),
          `order of ${key}`,
        );
    });

    it("splits a topic's partitions between the members of a group", async () => {
      const topic = await topicWith(4);
      const groupId = uniqueName('g');
      const assignments = new Map<string, readonly number[]>();
      const a: ConsumedMessage[] = [];
      const b: ConsumedMessage[] = [];
      await consume(under.log, { groupId, topic, onAssignment: (p) => assignments.set('a', p) }, a);
      await consume(under.otherInstance, { groupId, topic, onAssignment: (p) => assignments.set('b', p) }, b);
      await waitFor(
        () =>
          (assignments.get('a')?.length ?? 0) > 0 &&
          (assignments.get('b')?.length ?? 0) > 0 &&
          assignments.get('a')!.length + assignments.get('b')!.length === 4,
        'both members assigned',
        60_000,
      );
      await under.log.publish(topic, messagesFor(40, 1));
      await waitFor(() => a.length + b.length >= 40, 'all 40 messages');
      const pa = new Set(a.map((m) => m.partition));
      const pb = new Set(b.map((m) => m.partition));
      assert.ok(pa.size > 0 && pb.size > 0, 'both members got work');
      assert.deepEqual(
        [...pa].filter((p) => pb.has(p)),
        [],
        'no partition consumed by both',
      );
      assert.equal(pa.size + pb.size, 4);
    });
  });
}
