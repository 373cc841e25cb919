import { ReactNode, useEffect } from 'react';
import { ApiError, isMissingEndpoint } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  let text = error instanceof Error ? error.message : String(error);
  if (isMissingEndpoint(error)) text = t('common.notAvailable', { path: text.replace(/^cannot\s+/i, '') });
  else if (error instanceof ApiError && error.status === 403) text = `${t('common.forbidden')} (${error.message})`;
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{t('common.error')}</strong>
      {code ? <code className="code">{code}</code> : null}
      <span>{text}</span>
      {onRetry ? (
        <button className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Notice({ tone, children, onClose }: { tone: 'info' | 'success' | 'warn'; children: ReactNode; onClose?: () => void }) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      <span>{children}</span>
      {onClose ? (
        <button className="link-btn" onClick={onClose} aria-label="close">
          ×
        </button>
      ) : null}
    </div>
  );
}

/** The one row of a table that has none: a message across every column. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="empty">
        {children}
      </td>
    </tr>
  );
}

export function Spinner() {
  const { t } = useI18n();
  return <span className="spinner" aria-label={t('common.loading')} />;
}

export function Modal({
  title,
  children,
  footer,
  onClose,
}: {
  title: string;
  children: ReactNode;
  footer: ReactNode;
  onClose: () => void;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title}>
        <header className="modal-header">
          <h2>{title}</h2>
          <button className="link-btn" onClick={onClose} aria-label="close">
            ×
          </button>
        </header>
        <div className="modal-body">{children}</div>
        <footer className="modal-footer">{footer}</footer>
      </div>
    </div>
  );
}

export function Panel({
  title,
  actions,
  children,
  className,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`panel ${className ?? ''}`}>
      <header className="panel-header">
        <h2>{title}</h2>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

export function KeyValues({ rows }: { rows: ReadonlyArray<readonly [ReactNode, ReactNode]> }) {
  return (
    <dl className="kv">
      {rows.map(([name, value], i) => (
        <div className="kv-row" key={i}>
          <dt>{name}</dt>
          <dd>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
