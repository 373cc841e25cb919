import { useI18n } from '../i18n/i18n';

export const PAGE_SIZES = [20, 50, 100] as const;

export function Pager({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  onPageSize(size: number): void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label="pagination">
      <span className="muted">{t('list.total', { total })}</span>
      <span className="pager-controls">
        <button className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          ‹ {t('pager.prev')}
        </button>
        <span className="pager-page">{t('pager.page', { page, pages })}</span>
        <button className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('pager.next')} ›
        </button>
        <label className="pager-size">
          {t('pager.size')}
          <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </span>
    </nav>
  );
}
