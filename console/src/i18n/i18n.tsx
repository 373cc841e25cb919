import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, MessageKey, zhCN } from './messages';

export type Lang = 'zh-CN' | 'en';
type Vars = Readonly<Record<string, string | number>>;

export interface I18n {
  readonly lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Vars): string;
  /** A key built at run time (event types, rules): falls back to the raw name when unknown. */
  tx(key: string, fallback: string, vars?: Vars): string;
  dateTime(iso: string | null | undefined): string;
}

const STORAGE = 'mdm.console.lang';
const I18nContext = createContext<I18n | null>(null);

/**
 * Keys asked for but missing from the dictionary (run-time keys such as `event.<type>`): the browser
 * tests read `window.__mdmUntranslated` after visiting every page and fail when it is not empty.
 */
const untranslated = new Set<string>();
(globalThis as { __mdmUntranslated?: Set<string> }).__mdmUntranslated = untranslated;

function lookup(dict: Record<string, string>, key: string): string | undefined {
  const found = dict[key];
  if (found === undefined) untranslated.add(key);
  return found;
}

function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE) === 'en' ? 'en' : 'zh-CN'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict: Record<string, string> = lang === 'en' ? en : zhCN;
    const dateFormat = new Intl.DateTimeFormat(lang, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    });
    return {
      lang,
      setLang,
      t: (key, vars) => format(lookup(dict, key) ?? key, vars),
      tx: (key, fallback, vars) => format(lookup(dict, key) ?? fallback, vars),
      dateTime: (iso) => {
        if (!iso) return '—';
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
