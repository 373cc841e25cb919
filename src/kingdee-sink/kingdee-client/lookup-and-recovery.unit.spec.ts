import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchSaveWithRecovery, type SaveChannel, type SendResult } from './batch-save';
import { filterFor, findStocks } from './find-stocks';
import { KingdeeError } from './kingdee-error';
import { findResponseStatus } from './response-status';

describe('existing-record lookup', () => {
  it('builds equality filters with quotes escaped, or in-lists', () => {
    assert.equal(filterFor(["O'Neil"], '100.02'), "FNumber='O''Neil' and FUseOrgId.FNumber='100.02'");
    assert.equal(filterFor(['A', 'B'], undefined), "FNumber in ('A','B')");
  });

  it('checks rows itself, so a lenient server cannot point an update at another record', async () => {
    const queries: string[] = [];
    const found = await findStocks(
      async (q) => {
        queries.push(q.FilterString!);
        return [
          [100001, 'ck001', '100.02'],
          [100002, 'OTHER', '100.02'],
          ['100003', 'CK002', '100.01'],
        ];
      },
      ['CK001', 'CK002'],
      '100.02',
      { strategy: 'per-number', concurrency: 2, chunkSize: 50 },
    );
    assert.equal(queries.length, 2);
    assert.deepEqual([...found], [['CK001', { fStockId: '100001', number: 'ck001', useOrg: '100.02' }]]);
  });
});

describe('BatchSave session-loss recovery', () => {
  const answered = (raw: object): SendResult => ({ kind: 'answered', status: findResponseStatus({ Result: { ResponseStatus: raw } })! });
  const ticket = { sessionId: 'old', cookies: new Map<string, string>() };

  it('re-logs in, reports creates that now exist, and re-sends only the rest', async () => {
    const sent: any[] = [];
    const replies: SendResult[] = [
      { kind: 'session-lost', ticket },
      answered({
        IsSuccess: true,
        SuccessEntitys: [
          { Id: 7, Number: 'C', DIndex: 0 },
          { Id: 5, Number: 'U', DIndex: 1 },
        ],
      }),
    ];
    let renewed = 0;
    const channel: SaveChannel = {
      send: async (r) => (sent.push(r), replies.shift()!),
      renew: async () => void renewed++,
      findStocks: async (numbers) =>
        new Map(numbers.filter((n) => n === 'A').map((n) => [n, { fStockId: '9', number: n, useOrg: '100.02' }])),
    };
    const model = [
      { FStockId: 0, FNumber: 'A', FUseOrgId: { FNumber: '100.02' } },
      { FStockId: 0, FNumber: 'C', FUseOrgId: { FNumber: '100.02' } },
      { FStockId: 5, FNumber: 'U' },
    ];
    const outcome = await batchSaveWithRecovery(channel, { formid: 'BD_STOCK', data: { Model: model } });
    assert.equal(renewed, 1);
    assert.deepEqual(
      sent[1].data.Model.map((m: any) => m.FNumber),
      ['C', 'U'],
    );
    assert.deepEqual(outcome.records, [
      { index: 0, number: 'A', status: 'exists', id: '9' },
      { index: 1, number: 'C', status: 'saved', id: '7' },
      { index: 2, number: 'U', status: 'saved', id: '5' },
    ]);
    assert.equal(outcome.sessionRenewed, true);
  });

  it('gives up without another write when the session is lost again after re-login', async () => {
    const channel: SaveChannel = {
      send: async () => ({ kind: 'session-lost', ticket }),
      renew: async () => undefined,
      findStocks: async () => new Map(),
    };
    await assert.rejects(
      batchSaveWithRecovery(channel, { formid: 'BD_STOCK', data: { Model: [{ FNumber: 'A' }] } }),
      (e: unknown) => e instanceof KingdeeError && e.reason === 'kingdee_session_lost' && !e.retryable,
    );
  });
});
