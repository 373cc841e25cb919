import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import ts from 'typescript';
import { projectRoot } from '../../src/config/config';

/**
 * The console's dictionary (console/src/i18n/messages.ts is browser code, outside the swc build):
 * transpiled here with TypeScript and evaluated, so a key missing in either language, an empty label,
 * a placeholder only one language has, or an English label left in the Chinese dictionary fails.
 */
function loadMessages(): { zhCN: Record<string, string>; en: Record<string, string> } {
  const source = readFileSync(path.join(projectRoot(), 'console', 'src', 'i18n', 'messages.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as Record<string, Record<string, string>> };
  vm.runInNewContext(outputText, { module, exports: module.exports });
  return { zhCN: module.exports.zhCN!, en: module.exports.en! };
}

/** Labels that are the same in both languages or name the other language on purpose. */
const ZH_WITHOUT_CHINESE = new Set(['lang.switch']);
const EN_WITH_CHINESE = new Set(['lang.switch']);
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console messages', () => {
  const { zhCN, en } = loadMessages();

  it('has every key in both languages', () => {
    assert.ok(Object.keys(zhCN).length > 100, 'the dictionary was read');
    assert.deepEqual(
      Object.keys(zhCN).filter((key) => !(key in en)),
      [],
      'missing in English',
    );
    assert.deepEqual(
      Object.keys(en).filter((key) => !(key in zhCN)),
      [],
      'missing in Chinese',
    );
  });

  it('has no empty label and the same placeholders in both languages', () => {
    for (const [key, zh] of Object.entries(zhCN)) {
      assert.ok(zh.trim() && en[key]!.trim(), `${key} is empty`);
      assert.deepEqual(placeholders(zh), placeholders(en[key]!), `${key}: placeholders differ`);
    }
  });

  it('speaks Chinese in Chinese and English in English', () => {
    const english = Object.entries(zhCN).filter(([key, zh]) => !ZH_WITHOUT_CHINESE.has(key) && !CJK.test(zh.replace(/\{\w+\}/g, '')));
    assert.deepEqual(english, [], 'Chinese labels without a Chinese character');
    const chinese = Object.entries(en).filter(([key, text]) => !EN_WITH_CHINESE.has(key) && CJK.test(text));
    assert.deepEqual(chinese, [], 'English labels with Chinese characters');
  });
});
