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
        const seqs = seen.filter((m) => m.key === `wh-${k}`).map((m) => JSON.parse(m.value).seq);
        assert.deepEqual(
          seqs,
          [0, 1, 2],
          `order of wh-${k}: ${JSON.stringify(seen.filter((m) => m.key === `wh-${k}`).map((m) => [m.partition, m.offset, m.value]))}`,
        );
      }
      assert.equal(seen[0]!.headers?.['x-round'], '0');
      assert.equal(new Set(seen.filter((m) => m.key === 'wh-1').map((m) => m.partition)).size, 1, 'one key, one partition');
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
        second.map((m) => JSON.parse(m.value).round),
        [2, 2, 2, 2],
        'nothing from round 1 again',
      );
      await waitFor(async () => (await under.log.consumerLag(groupId, topic)).every((p) => p.lag === 0), 'zero lag');
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
