import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StockSnapshot, StockStore } from './stock-store';

export interface StockFile {
  /** Writes a pending change now (on stop). */
  flush(): void;
}

/**
 * Keeps BD_STOCK in a JSON file so the demo's Kingdee survives a restart (otherwise the hub would
 * say "synced" about records the simulator no longer has). Loaded once at start; written at most
 * every `debounceMs` after a change, to a temporary file renamed over the old one, so a crash leaves
 * either the previous snapshot or the new one.
 */
export function keepStocksInFile(store: StockStore, file: string, debounceMs = 250): StockFile {
  if (existsSync(file)) store.restore(JSON.parse(readFileSync(file, 'utf8')) as StockSnapshot);
  let timer: NodeJS.Timeout | null = null;
  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(store.snapshot()));
    renameSync(temporary, file);
  };
  store.onChange(() => {
    timer ??= setTimeout(write, debounceMs);
    timer.unref();
  });
  return {
    flush: () => {
      if (timer) write();
    },
  };
}
