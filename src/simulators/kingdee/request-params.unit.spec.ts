import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadRequestBody, param, parseRequestBody } from './request-params';

const data = { Model: [{ FNumber: 'CK001' }] };
const read = (body: unknown) => {
  const params = parseRequestBody(typeof body === 'string' ? body : JSON.stringify(body));
  return [param(params, 'formid', 0), param(params, 'data', 1)];
};

describe('simulator request body shapes (docs/kingdee-api.md)', () => {
  it('1: named object with case-insensitive keys, data as object or string', () => {
    assert.deepEqual(read({ formid: 'BD_STOCK', data }), ['BD_STOCK', data]);
    assert.deepEqual(read({ FormId: 'BD_STOCK', Data: JSON.stringify(data) }), ['BD_STOCK', data]);
  });

  it('2: positional parameters with data as a string or an object', () => {
    assert.deepEqual(read({ parameters: ['BD_STOCK', JSON.stringify(data)] }), ['BD_STOCK', data]);
    assert.deepEqual(read({ parameters: ['BD_STOCK', data] }), ['BD_STOCK', data]);
  });

  it('3: the legacy envelope with parameters as a JSON string', () => {
    const body = {
      format: '1',
      useragent: 'ApiClient',
      rid: '123',
      parameters: JSON.stringify(['BD_STOCK', JSON.stringify(data)]),
      timestamp: '2026-01-01',
      v: '1.0',
    };
    assert.deepEqual(read(body), ['BD_STOCK', data]);
  });

  it('4: a bare array', () => {
    assert.deepEqual(read(['BD_STOCK', JSON.stringify(data)]), ['BD_STOCK', data]);
  });

  it('reads login parameters by name in any case, or by position', () => {
    const named = parseRequestBody(JSON.stringify({ acctid: 'a', userName: 'u', password: 'p', lcid: 2052 }));
    assert.deepEqual([param(named, 'acctID', 0), param(named, 'username', 1), param(named, 'lcid', 3)], ['a', 'u', 2052]);
    const positional = parseRequestBody(JSON.stringify({ parameters: ['a', 'u', 'p', 2052] }));
    assert.equal(param(positional, 'password', 2), 'p');
  });

  it('rejects bodies that are not JSON', () => {
    assert.throws(() => parseRequestBody('{oops'), BadRequestBody);
    assert.throws(() => parseRequestBody(JSON.stringify({ parameters: 5 })), BadRequestBody);
  });
});
