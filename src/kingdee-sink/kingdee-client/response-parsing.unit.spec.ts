import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBatchSaveOutcomes } from './batch-save-result';
import { readBillQueryReply } from './bill-query';
import { classifyFailure, isPerRecordFailure } from './classify';
import { decodeReply } from './decode-reply';
import { KingdeeError } from './kingdee-error';
import { findResponseStatus, isSessionLost } from './response-status';

const reply = (body: string, status = 200) => ({ status, body, setCookies: [] });
const DUPLICATE = '违反字段唯一性要求：编码唯一。[CK002]在当前系统中已经被使用。';

describe('Kingdee response parsing', () => {
  it('reads a real success: ErrorCode missing, SuccessEntitys (sic) with DIndex', () => {
    const status = findResponseStatus({
      Result: {
        ResponseStatus: {
          IsSuccess: true,
          Errors: [],
          SuccessEntitys: [{ Id: 140670, Number: 'CK001', DIndex: 0 }],
          SuccessMessages: [],
          MsgCode: 0,
        },
        Id: 140670,
        Number: 'CK001',
        NeedReturnData: [{}],
      },
    });
    assert.deepEqual(status, {
      isSuccess: true,
      msgCode: 0,
      errorCode: undefined,
      errors: [],
      successEntities: [{ id: '140670', number: 'CK001', dIndex: 0 }],
    });
  });

  it('tolerates the documented string forms: "false", "500", numbers as strings, odd key casing', () => {
    const status = findResponseStatus({
      result: {
        responseStatus: {
          IsSuccess: 'false',
          ErrorCode: '500',
          MsgCode: '11',
          Errors: [{ FieldName: '', Message: 'x', DIndex: '1' }],
          SuccessEntitys: [{ Id: '100001', Number: 'A', DIndex: '0' }],
        },
      },
    });
    assert.equal(status?.isSuccess, false);
    assert.equal(status?.msgCode, 11);
    assert.equal(status?.errorCode, 500);
    assert.deepEqual(status?.errors, [{ fieldName: undefined, message: 'x', dIndex: 1 }]);
    assert.deepEqual(status?.successEntities, [{ id: '100001', number: 'A', dIndex: 0 }]);
  });

  it('recognises session loss: MsgCode 1, wrapped as [[{Result}]] for queries, Chinese or English text', () => {
    const lost = {
      Result: {
        ResponseStatus: {
          ErrorCode: 500,
          IsSuccess: false,
          Errors: [{ FieldName: null, Message: '会话信息已丢失，请重新登录', DIndex: 0 }],
          SuccessEntitys: [],
          SuccessMessages: [],
          MsgCode: 1,
        },
      },
    };
    assert.ok(isSessionLost(findResponseStatus(lost)!));
    assert.ok(isSessionLost(findResponseStatus([[lost]])!));
    const english = { Result: { ResponseStatus: { IsSuccess: false, Errors: [{ Message: 'Session information is lost' }], MsgCode: 0 } } };
    assert.ok(isSessionLost(findResponseStatus(english)!));
  });

  it('reads ExecuteBillQuery rows, and the [[{Result}]] error form', () => {
    assert.deepEqual(readBillQueryReply([[100001, 'CK001', '100.02']], 'q'), { kind: 'rows', rows: [[100001, 'CK001', '100.02']] });
    assert.deepEqual(readBillQueryReply([], 'q'), { kind: 'rows', rows: [] });
    const failed = readBillQueryReply(
      [[{ Result: { ResponseStatus: { IsSuccess: false, MsgCode: 9, Errors: [{ Message: '元数据中标识为 FNo 的字段不存在' }] } } }]],
      'q',
    );
    assert.equal(failed.kind, 'failed');
    assert.throws(() => readBillQueryReply({ hello: 1 }, 'q'), /neither rows nor a ResponseStatus/);
  });

  it('decodes 200 and 206 whatever the content type, strips a BOM, and classifies the rest', () => {
    assert.deepEqual(decodeReply(reply('\uFEFF{"a":1}', 206), 'BatchSave'), { a: 1 });
    const exception = () =>
      decodeReply(
        reply('response_error:{"Message":"对象引用未设置到对象的实例。","ClassName":"System.NullReferenceException","_httpCode":500}'),
        'BatchSave',
      );
    assert.throws(
      exception,
      (e: unknown) =>
        e instanceof KingdeeError && e.reason === 'kingdee_server_exception' && e.retryable && /对象引用未设置/.test(e.message),
    );
    assert.throws(
      () => decodeReply(reply('busy', 503), 'BatchSave'),
      (e: unknown) => e instanceof KingdeeError && e.reason === 'kingdee_server_error' && e.retryable,
    );
    assert.throws(
      () => decodeReply(reply('Not Found', 404), 'BatchSave'),
      (e: unknown) => e instanceof KingdeeError && e.reason === 'kingdee_http_error' && !e.retryable,
    );
    assert.throws(
      () => decodeReply(reply('<html>'), 'BatchSave'),
      (e: unknown) => e instanceof KingdeeError && e.reason === 'kingdee_malformed_response',
    );
  });

  it('classifies failures by MsgCode and well-known messages', () => {
    assert.equal(classifyFailure(11, DUPLICATE), 'kingdee_duplicate_number');
    assert.equal(classifyFailure(11, '字段[名称]是必录字段'), 'kingdee_validation_failed');
    assert.equal(classifyFailure(0, '单据已审核，不允许修改'), 'kingdee_already_audited');
    assert.equal(classifyFailure(2, '您没有该功能的操作权限'), 'kingdee_permission_denied');
    assert.equal(classifyFailure(9, '元数据中标识为 FX 的字段不存在'), 'kingdee_unknown_field');
    assert.equal(classifyFailure(10, '未找到对应数据'), 'kingdee_not_found');
    assert.equal(classifyFailure(14, '调用限制'), 'kingdee_busy');
    assert.equal(classifyFailure(4, '标识为“NO_SUCH_FORM”的业务对象不存在'), 'kingdee_request_rejected');
  });
});

describe('BatchSave per-record outcomes', () => {
  const status = (raw: object) => findResponseStatus({ Result: { ResponseStatus: raw } })!;

  it('maps partial failure by DIndex: one duplicate rejected, the others saved', () => {
    const s = status({
      ErrorCode: 500,
      IsSuccess: false,
      MsgCode: 11,
      Errors: [{ FieldName: 'FNumber', Message: DUPLICATE, DIndex: 1 }],
      SuccessEntitys: [
        { Id: 100001, Number: 'CK001', DIndex: 0 },
        { Id: '100002', Number: 'CK003', DIndex: 2 },
      ],
    });
    assert.ok(isPerRecordFailure(s));
    assert.deepEqual(readBatchSaveOutcomes(s, ['CK001', 'CK002', 'CK003'], false), [
      { index: 0, number: 'CK001', status: 'saved', id: '100001' },
      {
        index: 1,
        number: 'CK002',
        status: 'failed',
        error: { code: 'kingdee_duplicate_number', message: DUPLICATE, fieldName: 'FNumber', msgCode: 11, retryable: false },
      },
      { index: 2, number: 'CK003', status: 'saved', id: '100002' },
    ]);
  });

  it('with BatchCount, matches successes by Number and errors by the [number] they quote', () => {
    const s = status({
      IsSuccess: false,
      MsgCode: 11,
      Errors: [{ FieldName: 'FNumber', Message: DUPLICATE, DIndex: 0 }],
      SuccessEntitys: [
        { Id: 1, Number: 'CK001', DIndex: 0 },
        { Id: 3, Number: 'CK003', DIndex: 0 },
      ],
    });
    const out = readBatchSaveOutcomes(s, ['CK001', 'CK002', 'CK003'], true);
    assert.deepEqual(
      out.map((o) => (o.status === 'saved' ? o.id : o.status === 'failed' ? o.error.code : o.status)),
      ['1', 'kingdee_duplicate_number', '3'],
    );
  });

  it('reports records without a result: rolled back with the batch, or success without an id (retryable)', () => {
    const rolledBack = readBatchSaveOutcomes(
      status({ IsSuccess: false, MsgCode: 11, Errors: [{ Message: '字段[名称]是必录字段', DIndex: 0 }], SuccessEntitys: [] }),
      ['A', 'B'],
      false,
    );
    assert.equal(rolledBack[0]!.status === 'failed' && rolledBack[0]!.error.code, 'kingdee_validation_failed');
    assert.ok(rolledBack[1]!.status === 'failed' && rolledBack[1]!.error.code === 'kingdee_no_result' && rolledBack[1]!.error.retryable);
    const silent = readBatchSaveOutcomes(status({ IsSuccess: true, SuccessEntitys: [] }), ['A'], false);
    assert.ok(silent[0]!.status === 'failed' && silent[0]!.error.retryable);
  });

  it('treats whole-call codes as not per-record', () => {
    assert.ok(!isPerRecordFailure(status({ IsSuccess: false, MsgCode: 2, Errors: [{ Message: '没有权限', DIndex: 0 }] })));
    assert.ok(!isPerRecordFailure(status({ IsSuccess: false, MsgCode: 14, Errors: [{ Message: '调用限制' }] })));
  });
});
