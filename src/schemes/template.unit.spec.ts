import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleGoldenMessage } from './golden-message.fixture';
import { parseTemplate, renderTemplate, templateVariables, TemplateSyntaxError } from './template';
import { isKnownVariable, resolveVariable, UnknownVariableError } from './template-variables';

const render = (source: string, message = sampleGoldenMessage()) =>
  renderTemplate(parseTemplate(source), (n) => resolveVariable(n, message));

describe('template engine', () => {
  it('parses text and placeholders, tolerating spaces inside braces', () => {
    const t = parseTemplate('{{province}}-{{ city }}!');
    assert.deepEqual(t.parts, [
      { kind: 'var', name: 'province' },
      { kind: 'text', text: '-' },
      { kind: 'var', name: 'city' },
      { kind: 'text', text: '!' },
    ]);
    assert.deepEqual(templateVariables(t), ['province', 'city']);
  });

  it('rejects unclosed and malformed placeholders', () => {
    assert.throws(() => parseTemplate('{{name'), TemplateSyntaxError);
    assert.throws(() => parseTemplate('{{na me}}'), /not a valid variable name/);
  });

  it('resolves snake_case names against the golden record first (steward overrides win)', () => {
    assert.equal(render('{{name}}'), '杭州萧山主仓');
    assert.equal(render('{{warehouse_no}}'), 'CK001');
    assert.equal(render('{{ext_warehouse_no}}'), 'QM-HZ-01');
    assert.equal(render('{{type_code}}'), 11);
    assert.equal(render('{{coordinates_x}}'), 120.27);
    assert.equal(render('{{golden_id}}/{{version}}'), 'g-1/3');
  });

  it('falls back to the newest raw WDT fields, and wdt.<field> always reads raw', () => {
    assert.equal(render('{{prop1}}'), '华东');
    assert.equal(render('{{wdt.name}}'), '萧山仓');
    assert.equal(render('{{picker_num}}'), null, 'a known WDT field the observation lacks is null');
    assert.equal(render('{{wdt.brand_new_field}}'), null);
  });

  it('keeps the raw value for a lone placeholder and concatenates otherwise (null → "")', () => {
    const message = sampleGoldenMessage({ record: { remark: null } });
    assert.equal(render('{{remark}}', message), null);
    assert.equal(render('备注:{{remark}}', message), '备注:');
    assert.equal(render('{{province}}{{city}}{{district}}{{address}}'), '浙江省杭州市萧山区宁围街道市心北路 88 号');
  });

  it('knows which variables exist and fails clearly on unknown ones', () => {
    assert.ok(isKnownVariable('name') && isKnownVariable('is_outer_goods') && isKnownVariable('wdt.anything'));
    assert.ok(!isKnownVariable('nmae'));
    assert.throws(
      () => render('{{nmae}}'),
      (e: unknown) => e instanceof UnknownVariableError && /\{\{nmae\}\}/.test(e.message),
    );
  });
});
