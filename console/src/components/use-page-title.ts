import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

/** The browser tab names what the page shows (a warehouse by its name, not its internal id). */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useI18n();
  const app = t('app.title');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
