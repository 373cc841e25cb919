import { HubMetrics } from './hub-metrics';

type Fetch = typeof fetch;

/**
 * A `fetch` that times every call: the WDT and Kingdee clients both take a `fetch` option, so
 * metrics need no change inside them. A call counts as an error when it throws or answers non-2xx;
 * failures reported inside a 200 body (WDT `code`, Kingdee `IsSuccess`) need the clients' own hook.
 */
export function instrumentedFetch(observe: (url: string, ms: number, ok: boolean) => void, base: Fetch = fetch): Fetch {
  return (async (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]) => {
    const started = performance.now();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    try {
      const response = await base(input, init);
      observe(url, performance.now() - started, response.ok);
      return response;
    } catch (error) {
      observe(url, performance.now() - started, false);
      throw error;
    }
  }) as Fetch;
}

/** `…DynamicFormService.BatchSave.common.kdsvc` → `BatchSave`. */
export function kingdeeServiceOf(url: string): string {
  const match = /([A-Za-z]+)\.common\.kdsvc/.exec(url);
  return match?.[1] ?? 'unknown';
}

export const wdtFetch = (metrics: HubMetrics, base?: Fetch): Fetch =>
  instrumentedFetch((_url, ms, ok) => metrics.observeWdtCall(ms, ok), base);
export const kingdeeFetch = (metrics: HubMetrics, base?: Fetch): Fetch =>
  instrumentedFetch((url, ms, ok) => metrics.observeKingdeeCall(kingdeeServiceOf(url), ms, ok), base);
