import { FormEvent, useEffect, useState } from 'react';
import { useSession } from '../auth/session';
import { Badge, StatusBadge, SyncBadge } from '../components/badges';
import { Pager, PAGE_SIZES } from '../components/pager';
import { EmptyRow, ErrorBox, Spinner } from '../components/ui';
import { useAsync } from '../components/use-async';
import { useI18n } from '../i18n/i18n';
import { WDT_TYPES, wdtTypeLabel } from '../i18n/wdt-types';
import { MessageKey } from '../i18n/messages';
import { Link, navigate, useLocation, withQuery } from '../router';

interface Filters {
  q: string;
  type: string;
  status: string;
  syncStatus: string;
  sort: string;
  order: string;
  page: number;
  pageSize: number;
}

type Column = 'warehouseNo' | 'name' | 'typeCode' | 'region' | 'status' | 'syncStatus' | 'version';
const COLUMN_LABEL: Record<Column, MessageKey> = {
  warehouseNo: 'field.warehouseNo',
  name: 'field.name',
  typeCode: 'field.typeCode',
  region: 'field.region',
  status: 'field.status',
  syncStatus: 'field.syncStatus',
  version: 'common.version',
};

function filtersOf(params: URLSearchParams): Filters {
  const pageSize = Number(params.get('pageSize'));
  return {
    q: params.get('q') ?? '',
    type: params.get('type') ?? '',
    status: params.get('status') ?? '',
    syncStatus: params.get('syncStatus') ?? '',
    sort: params.get('sort') ?? '',
    order: params.get('order') === 'desc' ? 'desc' : '',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

/** The filters live in the URL, so a search can be bookmarked, shared and restored with Back. */
function go(filters: Filters): void {
  navigate(
    withQuery('/warehouses', {
      ...filters,
      page: filters.page === 1 ? undefined : filters.page,
      pageSize: filters.pageSize === 20 ? undefined : filters.pageSize,
    }),
  );
}

export function WarehousesPage() {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const { params } = useLocation();
  const filters = filtersOf(params);
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const result = useAsync(() => api.warehouses(filters), [api, params.toString()]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ ...filters, q: q.trim(), page: 1 });
  };
  const set = (patch: Partial<Filters>) => go({ ...filters, ...patch, page: patch.page ?? 1 });
  const facets = result.data?.facets;
  /** `label (n)`: what choosing the value would find; no count while the first answer is loading. */
  const counted = (label: string, facet: 'type' | 'status' | 'syncStatus', value: string) =>
    facets ? `${label} (${facets[facet][value] ?? 0})` : label;
  const sortBy = (column: Column) =>
    set({
      sort: column === 'warehouseNo' ? '' : column,
      order: (filters.sort || 'warehouseNo') === column && !filters.order ? 'desc' : '',
    });
  const header = (column: Column, className?: string) => {
    const active = (filters.sort || 'warehouseNo') === column;
    return (
      <th
        className={`sortable ${className ?? ''}`}
        data-sort={column}
        aria-sort={active ? (filters.order === 'desc' ? 'descending' : 'ascending') : 'none'}
      >
        <button type="button" className="sort-button" onClick={() => sortBy(column)}>
          {t(COLUMN_LABEL[column])}
          <span className="sort-mark">{active ? (filters.order === 'desc' ? '▼' : '▲') : '↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('nav.warehouses')}</h1>
        {result.loading ? <Spinner /> : null}
      </div>
      <form className="toolbar" onSubmit={submit} role="search">
        <input
          className="search-input"
          name="q"
          type="search"
          placeholder={t('list.placeholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <button className="btn btn-primary" type="submit">
          {t('common.search')}
        </button>
        <label className="filter">
          {t('list.type')}
          <select name="type" value={filters.type} onChange={(e) => set({ type: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {WDT_TYPES.map((type) => (
              <option key={type.code} value={type.code}>
                {counted(wdtTypeLabel(type.code, lang), 'type', String(type.code))}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t('list.status')}
          <select name="status" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {(['active', 'disabled', 'retired'] as const).map((s) => (
              <option key={s} value={s}>
                {counted(t(`status.${s}`), 'status', s)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t('list.sync')}
          <select name="syncStatus" value={filters.syncStatus} onChange={(e) => set({ syncStatus: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {(['synced', 'pending', 'failed', 'forbidden', 'not_in_kingdee'] as const).map((s) => (
              <option key={s} value={s}>
                {counted(t(`sync.${s}`), 'syncStatus', s)}
              </option>
            ))}
          </select>
        </label>
        <button
          className="btn btn-ghost"
          type="button"
          onClick={() => go({ q: '', type: '', status: '', syncStatus: '', sort: '', order: '', page: 1, pageSize: filters.pageSize })}
        >
          {t('common.reset')}
        </button>
      </form>
      <ErrorBox error={result.error} onRetry={result.reload} />
      {result.data ? (
        <>
          <table className="table table-hover" data-testid="warehouse-table" aria-busy={result.loading}>
            <thead>
              <tr>
                {header('warehouseNo')}
                {header('name')}
                {header('typeCode')}
                {header('region')}
                <th>{t('field.address')}</th>
                {header('status')}
                {header('syncStatus')}
                {header('version', 'num')}
              </tr>
            </thead>
            <tbody>
              {result.data.items.map((row) => {
                const to = `/warehouses/${encodeURIComponent(row.goldenId)}`;
                return (
                  <tr key={row.goldenId} onClick={() => navigate(to)} className="clickable">
                    <td className="mono">
                      <Link to={to} onClick={(e) => e.stopPropagation()}>
                        {row.warehouseNo}
                      </Link>
                    </td>
                    <td>
                      <span className="cell-name">{row.name}</span>
                      {row.mergedInto ? <Badge tone="grey">{t('list.merged')}</Badge> : null}
                      {row.missingInWdt ? <Badge tone="amber">{t('list.missing')}</Badge> : null}
                    </td>
                    <td>{row.typeCode !== null ? wdtTypeLabel(row.typeCode, lang) : '—'}</td>
                    <td className="nowrap">{[row.province, row.city, row.district].filter(Boolean).join(' ') || '—'}</td>
                    <td className="cell-address" title={row.address ?? ''}>
                      {row.address || '—'}
                    </td>
                    <td>
                      <StatusBadge status={row.status} />
                    </td>
                    <td>
                      <SyncBadge status={row.syncStatus} />
                    </td>
                    <td className="num mono">{row.version}</td>
                  </tr>
                );
              })}
              {result.data.items.length === 0 ? <EmptyRow columns={8}>{t('list.noMatch')}</EmptyRow> : null}
            </tbody>
          </table>
          <Pager
            page={result.data.page}
            pageSize={result.data.pageSize}
            total={result.data.total}
            onPage={(page) => set({ page })}
            onPageSize={(pageSize) => set({ pageSize })}
          />
        </>
      ) : null}
    </div>
  );
}
