import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openapiSignBase, signOpenapi } from './openapi-signature';
import { qimenSignBase, signQimen } from './qimen-signature';

const official = {
  appkey: 'test2-xx',
  page_no: '0',
  end_time: '2016-08-01 13:00:00',
  start_time: '2016-08-01 12:00:00',
  page_size: '40',
  sid: 'test2',
  timestamp: '1470042310',
};

describe('企业版 (openapi2) signature', () => {
  it('reproduces the official guide_signsf vector', () => {
    assert.equal(
      openapiSignBase(official),
      '06-appkey:0008-test2-xx;08-end_time:0019-2016-08-01 13:00:00;07-page_no:0001-0;09-page_size:0002-40;' +
        '03-sid:0005-test2;10-start_time:0019-2016-08-01 12:00:00;09-timestamp:0010-1470042310',
    );
    assert.equal(signOpenapi(official, '12345'), 'ad4e6fe037ea6e3ba4768317be9d1309');
  });

  it('ignores a sign param already present and the order params were given in', () => {
    const shuffled = Object.fromEntries(Object.entries(official).reverse());
    assert.equal(signOpenapi({ ...shuffled, sign: 'whatever' }, '12345'), 'ad4e6fe037ea6e3ba4768317be9d1309');
  });

  it('matches the spec warehouse_query vector (warehouse_no=WH001)', () => {
    const params = { appkey: 'test2-xx', sid: 'test2', timestamp: '1470042310', page_no: '0', page_size: '40', warehouse_no: 'WH001' };
    assert.equal(signOpenapi(params, '12345'), 'bf481f8eba59c85626e433e92c41095d');
  });

  it('counts characters by default and bytes on request (仓库A vectors)', () => {
    const params = { appkey: 'test2-xx', sid: 'test2', timestamp: '1470042310', warehouse_no: '仓库A' };
    assert.match(openapiSignBase(params), /03-sid:0005-test2;09-timestamp:0010-1470042310;12-warehouse_no:0003-仓库A$/);
    assert.match(openapiSignBase(params, 'bytes'), /12-warehouse_no:0007-仓库A$/);
    assert.equal(signOpenapi(params, '12345'), '83eccb0538be27cb59013707e8345c92');
    assert.equal(signOpenapi(params, '12345', 'bytes'), '96ad9c48b68f8c70d28dcf0f7b40275d');
  });

  it('prints the real length of values longer than 9999 characters', () => {
    const long = 'x'.repeat(12_345);
    assert.equal(openapiSignBase({ remark: long }), `06-remark:12345-${long}`);
  });

  it('counts a character outside the BMP once', () => {
    assert.equal(openapiSignBase({ name: '𠮷仓' }), '04-name:0002-𠮷仓');
  });

  it('has no trailing separator for a single param or for none', () => {
    assert.equal(openapiSignBase({ sid: 'a' }), '03-sid:0001-a');
    assert.equal(openapiSignBase({}), '');
  });
});

describe('企业奇门 (TOP) signature', () => {
  const params = {
    app_key: '12345678',
    format: 'json',
    method: 'wdt.warehouse.query',
    page_no: '0',
    page_size: '40',
    sid: 'test2',
    sign_method: 'md5',
    target_app_key: '21363512',
    timestamp: '2024-01-01 12:00:00',
    v: '2.0',
  };

  it('concatenates sorted key+value pairs without separators', () => {
    assert.equal(qimenSignBase({ b: '2', a: '1', sign: 'x' }), 'a1b2');
  });

  it('matches the spec md5 vector (secret-wrapped, uppercase)', () => {
    assert.equal(signQimen(params, 'testsecret'), '474582AE41EC53A0032D385A6C82A8C4');
  });

  it('matches the spec hmac-md5 vector', () => {
    assert.equal(signQimen(params, 'testsecret', 'hmac'), '63C6BADD62D810D85E83A12F077896D3');
  });

  it('supports hmac-sha256 as a 64-char uppercase digest', () => {
    assert.match(signQimen(params, 'testsecret', 'hmac-sha256'), /^[0-9A-F]{64}$/);
  });
});
