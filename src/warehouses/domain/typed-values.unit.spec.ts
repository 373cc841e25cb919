import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deciderSpec } from '../../../test/support/decider-spec';
import { eventsOf, meta, observe, wdtWarehouse } from '../testing/fixtures';
import { normaliseWdtWarehouse } from './canonical-warehouse';
import { FieldOverridden } from './events';
import { suspectDuplicates } from './matching';
import { parseOverrideValue } from './override-values';
import { publishedRecord } from './published-record';
import { bigramDice } from '../../shared/domain/similarity';
import { cleanText, compactForMatching, typedText } from '../../shared/domain/text';
import { warehouseDecider } from './warehouse-decider';

const TYPED = '北京大兴顺丰仓（主）Ａ１';

describe('values keep what the source or the steward typed; match keys and codes are normalised', () => {
  it('typedText trims and collapses whitespace (the ideographic space too) and nothing else', () => {
    assert.equal(typedText(`  ${TYPED} `), TYPED);
    assert.equal(typedText('北京　 大兴\t仓'), '北京 大兴 仓');
    assert.equal(typedText(' 　 '), null);
    assert.equal(cleanText(TYPED), '北京大兴顺丰仓(主)A1', 'codes and comparisons still fold to half-width');
  });

  it('a steward override is stored and published exactly as typed, its reason keeps full-width commas', () => {
    const created = eventsOf([], observe(wdtWarehouse()), meta(0));
    const reason = '门店更名，见邮件（2026-11-27），已确认';
    const events = deciderSpec(warehouseDecider, () => meta(5, 'li.steward'))
      .given(created)
      .when({ type: 'OverrideField', field: 'name', value: ` ${TYPED}  `, reason })
      .thenEvents((_, state) => assert.equal(publishedRecord(state).name, TYPED));
    const overridden = events[0] as FieldOverridden;
    assert.deepEqual([overridden.data.value, overridden.data.reason], [TYPED, reason]);
    assert.equal(overridden.data.goldenChange!.new, TYPED);
  });

  it('override text fields keep full-width; code-like fields are still normalised', () => {
    assert.equal(parseOverrideValue('address', '大兴区（物流园）Ｂ座 ３号'), '大兴区（物流园）Ｂ座 ３号');
    assert.equal(parseOverrideValue('remark', '备注：夜间收货，周日休息'), '备注：夜间收货，周日休息');
    assert.equal(parseOverrideValue('extWarehouseNo', 'ＥＸＴ－０１'), 'EXT-01');
    assert.equal(parseOverrideValue('zip', '１０２６００'), '102600');
    assert.equal(parseOverrideValue('mobile', '１３８ ００１３ ８０００'), '13800138000');
  });

  it('WDT values keep their full-width text; the warehouse code is folded', () => {
    const w = normaliseWdtWarehouse(
      wdtWarehouse({ warehouseNo: ' ＢＪ－ＤＸ－０１ ', name: TYPED, address: '大兴区（物流园）', remark: '夜间收货，周日休息' }),
    );
    assert.deepEqual([w.warehouseNo, w.name, w.address, w.remark], ['BJ-DX-01', TYPED, '大兴区（物流园）', '夜间收货，周日休息']);
  });

  it('matching still compares the normalised keys: both spellings are the same name', () => {
    assert.equal(compactForMatching(TYPED), compactForMatching('北京大兴顺丰仓(主)A1'));
    assert.equal(bigramDice(TYPED, '北京大兴顺丰仓(主)A1'), 1);
    const base = { province: '北京市', city: '北京市', district: '大兴区', address: '大兴区（物流园）3号' };
    const subject = { goldenId: 'wh_a', warehouseNo: 'BJ-DX-01', name: TYPED, ...base };
    const other = { goldenId: 'wh_b', warehouseNo: 'BJ-DX-09', name: '北京大兴顺丰仓(主)A1', ...base, address: '大兴区(物流园)3号' };
    assert.equal(suspectDuplicates(subject, [other], new Set()).length, 1);
  });
});
