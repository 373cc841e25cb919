import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksTruncated } from './missing-evidence';

describe('looksTruncated', () => {
  it('does not believe a run that would flag more than the allowed share of the known warehouses', () => {
    assert.equal(looksTruncated(201, 1000, 0.2), true);
    assert.equal(looksTruncated(200, 1000, 0.2), false, 'exactly the share is still believed');
    assert.equal(looksTruncated(1, 1, 0.2), true, 'the only warehouse vanishing is suspicious too');
    assert.equal(looksTruncated(0, 0, 0.2), false);
    assert.equal(looksTruncated(5, 1000, 0), true, 'a share of 0 never flags without a steward');
    assert.equal(looksTruncated(1000, 1000, 1), false, 'a share of 1 always believes the listing');
  });
});
