import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { projectRoot } from '../config/config';
import { sampleGoldenMessage } from './golden-message.fixture';
import { matchKeys } from './match-keys';
import { renderBatchSaveBodies, renderBatchSaveBody } from './render-batch-save';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { SchemeRenderError } from './scheme-errors';
import { loadSchemeFile, parseScheme } from './scheme-loader';

const TEMPLATE = path.join(projectRoot(), 'schemes', 'wdt-warehouse-to-kingdee-stock.yaml');
const MAPPED = [
  'FName',
  'FNumber',
  'FUseOrgId',
  'FCreateOrgId',
  'FDescription',
  'FStockStatusType',
  'FAddress',
  'FStockProperty',
  'FAllowMinusQty',
  'FGroup',
];
const none = new Map<string, { fStockId: string }>();

describe('renderBatchSaveBody with the shipped market template', () => {
  let scheme: IntegrationScheme;
  before(async () => {
    scheme = await loadSchemeFile(TEMPLATE);
  });

  it('renders the seed table for a new warehouse, typed as Kingdee expects (pinned, key order included)', () => {
    const body = renderBatchSaveBody(scheme, [sampleGoldenMessage()], none);
    const expected = {
      formid: 'BD_STOCK',
      data: {
        IsVerifyBaseDataField: false,
        IsAutoSubmitAndAudit: true,
        NeedUpDateFields: [],
        Model: [
          {
            FStockId: 0,
            FName: '杭州萧山主仓',
            FNumber: 'CK001',
            FUseOrgId: { FNumber: '100.02' },
            FCreateOrgId: { FNumber: '100.02' },
            FDescription: '电商主仓',
            FStockStatusType: '0,1,2,3,4,5,6,7,8',
            FAddress: '宁围街道市心北路 88 号',
            FStockProperty: '5',
            FAllowMinusQty: true,
            FGroup: { FNumber: '02' },
          },
        ],
      },
    };
    assert.deepEqual(body, expected);
    assert.equal(JSON.stringify(body), JSON.stringify(expected));
  });

  it('renders updates in their own body: FStockId, NeedUpDateFields = mapped keys, no auto-audit', () => {
    const created = sampleGoldenMessage({ goldenId: 'g-new', record: { warehouseNo: 'CK002', remark: null, address: null } });
    const updated = sampleGoldenMessage({ goldenId: 'g-1', version: 4 });
    const { batches, failures } = renderBatchSaveBodies(scheme, [created, updated], new Map([['g-1', { fStockId: '100007' }]]));
    assert.deepEqual(failures, []);
    assert.deepEqual(
      batches.map((b) => b.operation),
      ['create', 'update'],
    );
    const [create, update] = batches;
    assert.deepEqual(create!.entries, [{ goldenId: 'g-new', version: 3, fNumber: 'CK002', operation: 'create', fStockId: undefined }]);
    assert.equal(create!.body.data.Model[0]!.FDescription, '', 'a null remark clears the description');
    assert.deepEqual(update!.entries, [{ goldenId: 'g-1', version: 4, fNumber: 'CK001', operation: 'update', fStockId: '100007' }]);
    assert.deepEqual(update!.body.data.NeedUpDateFields, MAPPED);
    assert.equal(update!.body.data.IsAutoSubmitAndAudit, false);
    assert.equal(update!.body.data.IsVerifyBaseDataField, false);
    assert.equal(update!.body.data.Model[0]!.FStockId, 100007);
    assert.deepEqual(Object.keys(update!.body.data.Model[0]!), ['FStockId', ...MAPPED]);
  });

  it('keeps only the newest version of each golden record and reports unmappable records apart', () => {
    const custom = parseScheme(`${templateText()}  FSortingPriority: "{{prop1}}"\n`, 'custom.yaml');
    const old = sampleGoldenMessage({ goldenId: 'g-1', version: 2, wdt: { prop1: '7' } });
    const newer = sampleGoldenMessage({ goldenId: 'g-1', version: 5, wdt: { prop1: '9' } });
    const bad = sampleGoldenMessage({ goldenId: 'g-2', record: { warehouseNo: 'CK009' }, wdt: { prop1: '华东' } });
    const { batches, failures } = renderBatchSaveBodies(custom, [old, bad, newer], none);
    assert.equal(batches.length, 1);
    assert.deepEqual(
      batches[0]!.entries.map((e) => `${e.goldenId}@${e.version}`),
      ['g-1@5'],
    );
    assert.equal(batches[0]!.body.data.Model[0]!.FSortingPriority, 9);
    assert.equal(failures.length, 1);
    assert.ok(failures[0] instanceof SchemeRenderError);
    assert.match(failures[0]!.message, /g-2 v3: mapping\.FSortingPriority: "华东" is not a number/);
    assert.throws(() => renderBatchSaveBody(custom, [bad], none), SchemeRenderError);
  });

  it('renders the lookup keys (number and use-org) the sink queries before choosing create or update', () => {
    const messages = [sampleGoldenMessage({ goldenId: 'a' }), sampleGoldenMessage({ goldenId: 'b', record: { warehouseNo: 'CK777' } })];
    assert.deepEqual(matchKeys(scheme, messages), [
      { goldenId: 'a', fNumber: 'CK001', useOrg: '100.02' },
      { goldenId: 'b', fNumber: 'CK777', useOrg: '100.02' },
    ]);
  });

  it('renders FNumber (and the lookup key) as the canonical warehouse code, however the record spells it', () => {
    const messages = [
      sampleGoldenMessage({ goldenId: 'a', record: { warehouseNo: 'ＷＨ－ＦＷ０１' } }),
      sampleGoldenMessage({ goldenId: 'b', record: { warehouseNo: 'WH-SP-02 ' } }),
    ];
    assert.deepEqual(
      matchKeys(scheme, messages).map((k) => k.fNumber),
      ['WH-FW01', 'WH-SP-02'],
    );
    const body = renderBatchSaveBody(scheme, messages.slice(0, 1), none);
    assert.equal((body.data.Model as { FNumber: string }[])[0]!.FNumber, 'WH-FW01');
  });

  it('can put creates and updates in one body when the scheme says so', () => {
    const mixed = parseScheme(templateText().replace('separateBatch: true', 'separateBatch: false'), 'mixed.yaml');
    const { batches } = renderBatchSaveBodies(
      mixed,
      [sampleGoldenMessage({ goldenId: 'a' }), sampleGoldenMessage({ goldenId: 'b' })],
      new Map([['b', { fStockId: 5 }]]),
    );
    assert.equal(batches.length, 1);
    assert.equal(batches[0]!.operation, 'mixed');
    assert.deepEqual(
      batches[0]!.body.data.Model.map((m) => m.FStockId),
      [0, 5],
    );
    assert.throws(
      () =>
        renderBatchSaveBody(
          scheme,
          [sampleGoldenMessage({ goldenId: 'a' }), sampleGoldenMessage({ goldenId: 'b' })],
          new Map([['b', { fStockId: 5 }]]),
        ),
      /separate/,
    );
  });
});

function templateText(): string {
  return readFileSync(TEMPLATE, 'utf8');
}
