import { ReactElement, useEffect } from 'react';
import { Role } from './api/types';
import { useSessionState } from './auth/session';
import { Notice } from './components/ui';
import { useI18n } from './i18n/i18n';
import { DuplicatesPage } from './pages/DuplicatesPage';
import { InboxPage } from './pages/InboxPage';
import { Layout } from './pages/Layout';
import { OperationsPage } from './pages/OperationsPage';
import { ReconciliationPage } from './pages/ReconciliationPage';
import { SignIn } from './pages/SignIn';
import { StatusPage } from './pages/StatusPage';
import { SyncFailuresPage } from './pages/SyncFailuresPage';
import { WarehouseDetailPage } from './pages/WarehouseDetailPage';
import { WarehousesPage } from './pages/WarehousesPage';
import { match, navigate, useLocation } from './router';

export function App() {
  const { session } = useSessionState();
  if (!session) return <SignIn />;
  return (
    <Layout>
      <Routes />
    </Layout>
  );
}

function Routes() {
  const { path } = useLocation();
  const { session } = useSessionState();
  const { t } = useI18n();
  useEffect(() => {
    if (path === '/' || path === '') navigate('/warehouses', { replace: true });
  }, [path]);
  const gate = (role: Role, page: ReactElement) => (session?.can(role) ? page : <Notice tone="warn">{t('common.forbidden')}</Notice>);

  const detail = match('/warehouses/:id', path);
  if (detail) return <WarehouseDetailPage key={detail.id} id={detail.id!} />;
  if (path === '/warehouses' || path === '/') return <WarehousesPage />;
  if (path === '/stewardship') return gate('steward', <InboxPage />);
  if (path === '/stewardship/duplicates') return gate('steward', <DuplicatesPage />);
  if (path === '/stewardship/sync-failures') return gate('steward', <SyncFailuresPage />);
  if (path === '/reconciliation') return <ReconciliationPage />;
  if (path === '/operations') return gate('admin', <OperationsPage />);
  if (path === '/status') return <StatusPage />;
  return <Notice tone="warn">404 · {path}</Notice>;
}
