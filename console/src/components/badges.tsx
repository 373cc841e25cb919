import { SyncState, WarehouseDetail } from '../api/types';
import { useI18n } from '../i18n/i18n';

export type Tone = 'green' | 'amber' | 'red' | 'grey' | 'blue' | 'violet';

export function Badge({ tone, children, title }: { tone: Tone; children: React.ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

const SYNC_TONE: Record<string, Tone> = { synced: 'green', pending: 'amber', failed: 'red', forbidden: 'violet', not_in_kingdee: 'grey' };

/**
 * Kingdee sync at a glance: synced / pending (a newer version is on its way) / failed (with the error as a tooltip);
 * a retired record: forbidden (its BD_STOCK 禁用) or not in Kingdee (never written, nothing to forbid).
 */
export function SyncBadge({ status, detail }: { status: SyncState; detail?: WarehouseDetail }) {
  const { t } = useI18n();
  const sync = detail?.kingdeeSync;
  const fNumber = detail?.crossReference.kingdee?.fNumber;
  const title = [
    fNumber ? `FNumber ${fNumber}` : null,
    sync && sync.syncedVersion !== null ? `v${sync.syncedVersion}/${detail.version}` : null,
    sync?.lastError?.message,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Badge tone={SYNC_TONE[status] ?? 'grey'} title={title || undefined}>
      <span className="dot" />
      {t(`sync.${status}`)}
    </Badge>
  );
}

const STATUS_TONE: Record<string, Tone> = { active: 'blue', disabled: 'grey', retired: 'violet' };

export function StatusBadge({ status }: { status: unknown }) {
  const { tx } = useI18n();
  const name = typeof status === 'string' ? status : '?';
  return <Badge tone={STATUS_TONE[name] ?? 'grey'}>{tx(`status.${name}`, name)}</Badge>;
}
