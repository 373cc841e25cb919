import { ReactNode } from 'react';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { Link, useLocation } from '../router';
import { Role } from '../api/types';

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <button className="btn btn-ghost btn-small lang-switch" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
      {t('lang.switch')}
    </button>
  );
}

const NAV: ReadonlyArray<{ to: string; label: MessageKey; role: Role }> = [
  { to: '/warehouses', label: 'nav.warehouses', role: 'reader' },
  { to: '/stewardship', label: 'nav.inbox', role: 'steward' },
  { to: '/stewardship/duplicates', label: 'nav.duplicates', role: 'steward' },
  { to: '/stewardship/sync-failures', label: 'nav.syncFailures', role: 'steward' },
  { to: '/reconciliation', label: 'nav.reconciliation', role: 'reader' },
  { to: '/operations', label: 'nav.operations', role: 'admin' },
  { to: '/status', label: 'nav.status', role: 'reader' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { me, can, signOut } = useSession();
  const { path } = useLocation();
  // The longest item the path falls under is the current one (/stewardship/duplicates is not also 待办).
  const current = NAV.filter((item) => path === item.to || path.startsWith(`${item.to}/`)).sort((a, b) => b.to.length - a.to.length)[0];
  return (
    <div className="app">
      <header className="topbar">
        <Link to="/warehouses" className="brand">
          <span className="brand-mark">MDM</span>
          <span className="brand-title">{t('app.title')}</span>
        </Link>
        <nav className="nav">
          {NAV.filter((item) => can(item.role)).map((item) => (
            <Link key={item.to} to={item.to} className={item === current ? 'nav-item active' : 'nav-item'}>
              {t(item.label)}
            </Link>
          ))}
        </nav>
        <div className="topbar-right">
          <LangSwitch />
          <span className="whoami" data-testid="whoami">
            <span className="whoami-name">{me.name}</span>
            <span className={`role role-${me.role}`}>{t(`role.${me.role}`)}</span>
          </span>
          <button className="btn btn-ghost btn-small" onClick={() => signOut()}>
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
