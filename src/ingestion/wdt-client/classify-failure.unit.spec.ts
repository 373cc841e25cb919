import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure } from './classify-failure';
import { WdtErrorCode } from './wdt-error';

const hint = 'WDT_SID, WDT_APPKEY and WDT_APPSECRET';
const reasonOf = (code: string, message: string, subCode?: string) => classifyFailure({ code, message, subCode }, 3, hint).reason;

describe('classifyFailure', () => {
  it('recognises rate limits by code or wording', () => {
    assert.equal(reasonOf('1012', '系统调用频繁，旺店通1分钟最多60次'), WdtErrorCode.rateLimited);
    assert.equal(reasonOf('100', '超过每分钟最大调用频率限制，请稍后重试'), WdtErrorCode.rateLimited);
    assert.equal(reasonOf('7', 'App Call Limited'), WdtErrorCode.rateLimited);
  });

  it('recognises timestamp skew', () => {
    assert.equal(reasonOf('2040', '时间戳超出允许范围'), WdtErrorCode.timestampSkew);
    assert.equal(reasonOf('isv.invalid-parameter', 'Invalid timestamp'), WdtErrorCode.timestampSkew);
  });

  it('recognises credential and signature failures', () => {
    assert.equal(reasonOf('2030', '签名错误'), WdtErrorCode.credentials);
    assert.equal(reasonOf('2060', ''), WdtErrorCode.credentials);
    assert.equal(reasonOf('sign-check-failure', 'Illegal request'), WdtErrorCode.credentials);
    assert.equal(reasonOf('25', 'Invalid signature'), WdtErrorCode.credentials);
    assert.equal(reasonOf('50', '', 'isv.invalid-app-key'), WdtErrorCode.credentials);
    assert.equal(reasonOf('2000', '卖家账号不存在'), WdtErrorCode.credentials);
  });

  it('treats anything else as a refusal that is not retried', () => {
    const error = classifyFailure({ code: '2220', message: 'page_size为正整数，请检查page_size是否为有效值' }, 3, hint);
    assert.equal(error.reason, WdtErrorCode.rejected);
    assert.equal(error.retryable, false);
    assert.equal(error.message, 'WDT refused the request on page 3 (code 2220: page_size为正整数，请检查page_size是否为有效值)');
  });

  it('writes one line naming the page, WDT code and the settings to check', () => {
    const error = classifyFailure({ code: '2030', message: '签名\n错误' }, 0, hint);
    assert.equal(
      error.message,
      'WDT rejected the credentials or signature on page 0 (code 2030: 签名 错误): check WDT_SID, WDT_APPKEY and WDT_APPSECRET',
    );
    assert.deepEqual(error.details, { reason: 'wdt_credentials_rejected', page: 0, wdtCode: '2030' });
  });
});
