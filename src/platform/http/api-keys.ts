import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiKeyConfig, ApiRole, AppConfig } from '../../config/config';

const RANK: Record<ApiRole, number> = { reader: 1, steward: 2, admin: 3 };

export function roleSatisfies(has: ApiRole, needs: readonly ApiRole[]): boolean {
  return needs.some((role) => RANK[has] >= RANK[role]);
}

export interface ApiKeys {
  readonly keys: readonly ApiKeyConfig[];
  /** Set when no MDM_API_KEYS was configured and an admin key was generated (or reused) in the data dir. */
  readonly generated?: { readonly key: string; readonly file: string };
  find(presented: string): ApiKeyConfig | undefined;
}

/** MDM_API_KEYS, or one admin key generated once and kept in MDM_DATA_DIR so restarts reuse it. */
export function loadApiKeys(config: AppConfig): ApiKeys {
  if (config.apiKeys) return apiKeys(config.apiKeys);
  const file = path.join(config.database.dataDir, 'admin-api-key');
  if (!existsSync(file)) {
    mkdirSync(config.database.dataDir, { recursive: true });
    writeFileSync(file, `mdm_${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  }
  const key = readFileSync(file, 'utf8').trim();
  return { ...apiKeys([{ name: 'admin', role: 'admin', key }]), generated: { key, file } };
}

function apiKeys(keys: readonly ApiKeyConfig[]): ApiKeys {
  return {
    keys,
    find(presented) {
      const given = Buffer.from(presented);
      return keys.find((k) => {
        const known = Buffer.from(k.key);
        return known.length === given.length && timingSafeEqual(known, given);
      });
    },
  };
}
