import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { handleExcuteOperation } from './excute-operation';
import { parseRequestBody } from './request-params';
import type { SimContext } from './sim-context';
import { StockStore } from './stock-store';

const org = { FNumber: '100.02' };

describe('Kingdee simulator: ExcuteOperation Forbid / Enable (docs/kingdee-api.md 通用操作)', () => {
  let stocks: StockStore;
  const call = (body: unknown): any => handleExcuteOperation({ stocks } as unknown as SimContext, parseRequestBody(JSON.stringify(body)));
  const status = (body: unknown) => call(body).Result.ResponseStatus;

  beforeEach(() => {
    stocks = new StockStore();
    stocks.insert({ FNumber: 'CK001', FName: '主仓', FUseOrgId: org }, 'C');
    stocks.insert({ FNumber: 'CK002', FName: '次仓', FUseOrgId: org }, 'C');
  });

  it('forbids by Numbers with the spec’s data shape: FForbidStatus A → B, SuccessEntitys {Id, Number, DIndex}', () => {
    const data = { CreateOrgId: 0, Numbers: ['CK001'], Ids: '', PkEntryIds: [] };
    assert.deepEqual(status({ formid: 'BD_STOCK', opNumber: 'Forbid', data }), {
      IsSuccess: true,
      Errors: [],
      SuccessEntitys: [{ Id: 100001, Number: 'CK001', DIndex: 0 }],
      SuccessMessages: [],
      MsgCode: 0,
    });
    assert.equal(stocks.get(100001)!.FForbidStatus, 'B');
    assert.equal(stocks.get(100002)!.FForbidStatus, 'A');
  });

  it('forbids and enables by Ids (comma text), positionally as the SDK sends [formid, opNumber, data]', () => {
    const forbid = status({ parameters: ['BD_STOCK', 'Forbid', JSON.stringify({ CreateOrgId: 0, Numbers: [], Ids: '100001,100002' })] });
    assert.equal(forbid.IsSuccess, true);
    assert.deepEqual(
      stocks.all().map((s) => s.FForbidStatus),
      ['B', 'B'],
    );
    const enable = status(['BD_STOCK', 'Enable', { Ids: '100002' }]);
    assert.deepEqual(enable.SuccessEntitys, [{ Id: 100002, Number: 'CK002', DIndex: 0 }]);
    assert.deepEqual(
      stocks.all().map((s) => s.FForbidStatus),
      ['B', 'A'],
    );
  });

  it('reports unknown numbers and ids per record (MsgCode 10) while the others go through', () => {
    const mixed = status({ formid: 'BD_STOCK', opNumber: 'Forbid', data: { Numbers: ['NOPE', 'CK002'] } });
    assert.equal(mixed.IsSuccess, false);
    assert.equal(mixed.ErrorCode, 500);
    assert.equal(mixed.MsgCode, 10);
    assert.deepEqual(mixed.Errors, [{ FieldName: null, Message: '[NOPE]单据不存在或者已被删除', DIndex: 0 }]);
    assert.deepEqual(mixed.SuccessEntitys, [{ Id: 100002, Number: 'CK002', DIndex: 1 }]);
    assert.equal(status({ formid: 'BD_STOCK', opNumber: 'Enable', data: { Ids: '999' } }).Errors[0].Message, '[999]单据不存在或者已被删除');
  });

  it('refuses a repeat of the same switch per record (MsgCode 11): already forbidden, or not forbidden', () => {
    status({ formid: 'BD_STOCK', opNumber: 'Forbid', data: { Numbers: ['CK001'] } });
    const again = status({ formid: 'BD_STOCK', opNumber: 'forbid', data: { Numbers: ['CK001'] } });
    assert.equal(again.MsgCode, 11);
    assert.match(again.Errors[0].Message, /已经是禁用状态/);
    const enable = status({ formid: 'BD_STOCK', opNumber: 'Enable', data: { Numbers: ['CK002'] } });
    assert.match(enable.Errors[0].Message, /未禁用/);
    assert.equal(stocks.get(100002)!.FForbidStatus, 'A');
  });

  it('fails the whole call for an unknown form, an empty or unknown opNumber and no targets', () => {
    assert.equal(status({ formid: 'NO_SUCH_FORM', opNumber: 'Forbid', data: { Numbers: ['CK001'] } }).MsgCode, 4);
    assert.equal(status({ formid: 'BD_STOCK', opNumber: '', data: { Numbers: ['CK001'] } }).MsgCode, 3);
    assert.equal(status({ formid: 'BD_STOCK', opNumber: 'Explode', data: { Numbers: ['CK001'] } }).MsgCode, 4);
    assert.equal(status({ formid: 'BD_STOCK', opNumber: 'Forbid', data: { Numbers: [], Ids: '' } }).MsgCode, 8);
    assert.equal(stocks.get(100001)!.FForbidStatus, 'A');
  });
});
