import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import ts from 'typescript';
import { projectRoot } from '../../src/config/config';

/**
 * The console's dictionary (console/src/i18n/messages.ts is browser code, outside the swc build):
 * transpiled here with TypeScript and evaluated with the sibling modules it imports (the generated
 * field labels), so a key missing in either language, an empty label, a placeholder only one language
 * has, or an English label left in the Chinese dictionary fails.
 */
function loadI18nModule(name: string): Record<string, unknown> {
  const source = readFileSync(path.join(projectRoot(), 'console', 'src', 'i18n', `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as Record<string, unknown> };
  const require = (specifier: string) => {
    if (!specifier.startsWith('./')) throw new Error(`messages may import only i18n siblings, not ${specifier}`);
    return loadI18nModule(specifier.slice(2));
  };
  vm.runInNewContext(outputText, { module, exports: module.exports, require });
  return module.exports;
}

function loadMessages(): { zhCN: Record<string, string>; en: Record<string, string> } {
  const { zhCN, en } = loadI18nModule('messages') as Record<string, Record<string, string>>;
  return { zhCN: zhCN!, en: en! };
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
