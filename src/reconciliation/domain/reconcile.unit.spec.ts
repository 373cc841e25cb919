import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { projectRoot } from '../../config/config';
import { sampleGoldenMessage } from '../../schemes/golden-message.fixture';
import type { IntegrationScheme } from '../../contracts/integration-scheme';
import { loadSchemeFile } from '../../schemes/scheme-loader';
import { acceptedValues, NotAcceptableError } from './accept-values';
import { publicReport } from './findings';
import { parseStockRows, reconcileFieldKeys } from './kingdee-row';
import { reconcile } from './reconcile';
import { goldenSnapshots, type GoldenInSink } from '../render-golden';

const TEMPLATE = path.join(projectRoot(), 'schemes', 'wdt-warehouse-to-kingdee-stock.yaml');

/** A golden record the sink has written (synced at its published version) under FStockId `id`. */
const synced = (no: string, id: string | null, record: Record<string, unknown> = {}, syncedVersion: number | null = 3): GoldenInSink => ({
  message: sampleGoldenMessage({ goldenId: `g-${no}`, record: { warehouseNo: no, name: `仓库${no}`, ...record } }),
  fStockId: id,
  syncedVersion,
  publishedVersion: 3,
});

/** The row Kingdee answers for a record that holds exactly what the sink wrote (as ExecuteBillQuery types it). */
function rowFor(scheme: IntegrationScheme, record: GoldenInSink, id: string, changes: Record<string, unknown> = {}): unknown[] {
  const [snapshot] = goldenSnapshots(scheme, [record]);
  const values: Record<string, unknown> = { FStockId: Number(id), FDocumentStatus: 'C', FForbidStatus: 'A', ...changes };
  return reconcileFieldKeys(scheme).map((key) => {
    const [base] = key.split('.');
    if (base! in values) return values[base!];
    const rendered = snapshot!.rendered![base!];
    return typeof rendered === 'object' && rendered !== null ? Object.values(rendered)[0] : rendered;
  });
}

describe('reconcile: Kingdee rows against the golden records the sink renders', () => {
  let scheme: IntegrationScheme;
  before(async () => {
    scheme = await loadSchemeFile(TEMPLATE);
  });
  const run = (golden: GoldenInSink[], rows: unknown[][], ignored: string[] = []) =>
    reconcile({ scheme, golden: goldenSnapshots(scheme, golden), kingdee: parseStockRows(scheme, rows), ignored: new Set(ignored) });

  it('asks for the status keys and every mapped field once, references read by number', () => {
    assert.deepEqual(reconcileFieldKeys(scheme), [
      'FStockId',
      'FNumber',
      'FDocumentStatus',
      'FForbidStatus',
      'FName',
      'FUseOrgId.FNumber',
      'FCreateOrgId.FNumber',
      'FDescription',
      'FStockStatusType',
      'FAddress',
      'FStockProperty',
      'FAllowMinusQty',
      'FGroup.FNumber',
    ]);
  });

  it('is clean when Kingdee holds what the sink wrote: references by number, checkboxes as 1 or true, null text as ""', () => {
    const a = synced('CK001', '100001', { remark: null });
    const b = synced('CK002', '100002');
    const rows = [rowFor(scheme, a, '100001', { FAllowMinusQty: 1, FDescription: null }), rowFor(scheme, b, '100002')];
    const report = publicReport(run([a, b], rows));
    assert.deepEqual(report, { checked: 2, kingdeeRecords: 2, drifted: [], missingInKingdee: [], unknownInKingdee: [] });
  });

  it('reports exactly a renamed record, a deleted one and one keyed in by hand (with a similar golden record proposed)', () => {
    const renamed = synced('CK001', '100001');
    const deleted = synced('CK002', '100002', { name: '上海浦东川沙仓', address: '川沙路 100 号' });
    const fine = synced('CK003', '100003');
    const rows = [
      rowFor(scheme, renamed, '100001', { FName: '手工改的名字' }),
      rowFor(scheme, fine, '100003'),
      rowFor(scheme, synced('HAND-1', null, { name: '上海浦东川沙仓库', address: '川沙路 100 号' }), '100009'),
      rowFor(scheme, synced('HAND-2', null, { name: '完全不同', address: '别处' }), '100010'),
    ];
    const report = publicReport(run([renamed, deleted, fine], rows));
    assert.deepEqual(report.drifted, [
      { warehouseNo: 'CK001', goldenId: 'g-CK001', field: 'FName', kingdee: '手工改的名字', golden: '仓库CK001' },
    ]);
    assert.deepEqual(report.missingInKingdee, [{ warehouseNo: 'CK002', goldenId: 'g-CK002' }]);
    assert.deepEqual(report.unknownInKingdee, [
      { FNumber: 'HAND-1', FStockId: '100009', FName: '上海浦东川沙仓库', candidateGoldenId: 'g-CK002' },
      { FNumber: 'HAND-2', FStockId: '100010', FName: '完全不同', candidateGoldenId: null },
    ]);
    assert.equal(report.checked, 3);
    assert.equal(report.kingdeeRecords, 4);
  });

  it('finds a record by its FStockId when its code was changed in Kingdee (drift on FNumber, not unknown + missing)', () => {
    const a = synced('CK001', '100001');
    const report = run([a], [rowFor(scheme, a, '100001', { FNumber: 'CK001-X' })]);
    assert.deepEqual(
      report.drifted.map((d) => [d.field, d.kingdee, d.golden]),
      [['FNumber', 'CK001-X', 'CK001']],
    );
    assert.deepEqual([report.missingInKingdee, report.unknownInKingdee], [[], []]);
  });

  it('adopts by code on a first load: a golden record never written matches the row with its number, case-insensitively', () => {
    const fresh = synced('ck001', null, {}, null);
    const report = run([fresh], [rowFor(scheme, synced('CK001', null), '100001', { FNumber: 'CK001', FName: 'old' })]);
    // Not compared yet (the sink is about to update it in place), and neither missing nor unknown.
    assert.deepEqual([report.drifted, report.missingInKingdee, report.unknownInKingdee], [[], [], []]);
  });

  it('reports forbidden and unaudited records the golden record wants live; compares nothing of retired ones', () => {
    const a = synced('CK001', '100001');
    const retired = synced('CK002', '100002', { status: 'retired' });
    const rows = [
      rowFor(scheme, a, '100001', { FForbidStatus: 'B', FDocumentStatus: 'A' }),
      rowFor(scheme, retired, '100002', { FName: 'x' }),
    ];
    const report = run([a, retired], rows);
    assert.deepEqual(
      report.drifted.map((d) => [d.goldenId, d.field, d.kingdee, d.golden]),
      [
        ['g-CK001', 'FForbidStatus', 'B', 'A'],
        ['g-CK001', 'FDocumentStatus', 'A', 'C'],
      ],
    );
    assert.equal(report.checked, 1);
    assert.deepEqual(report.unknownInKingdee, [], 'the retired record still claims its row');
  });

  it('does not compare a record whose newer version is still on its way, and leaves ignored rows out', () => {
    const lagging = synced('CK001', '100001', {}, 2);
    const rows = [rowFor(scheme, lagging, '100001', { FName: 'old' }), rowFor(scheme, synced('HAND', null), '100005')];
    const report = run([lagging], rows, ['100005']);
    assert.deepEqual([report.drifted, report.unknownInKingdee, report.ignored], [[], [], 1]);
  });

  it('accepts Kingdee values only for fields rendered from one golden field', () => {
    assert.deepEqual(acceptedValues(scheme, [{ field: 'FName', kingdee: '新名' }]), [{ field: 'name', value: '新名' }]);
    assert.deepEqual(acceptedValues(scheme, [{ field: 'FNumber', kingdee: 'X' }]), [{ field: 'warehouseNo', value: 'X' }]);
    assert.throws(() => acceptedValues(scheme, [{ field: 'FGroup', kingdee: '03' }]), NotAcceptableError);
    assert.throws(() => acceptedValues(scheme, [{ field: 'FForbidStatus', kingdee: 'B' }]), NotAcceptableError);
  });
});
