/** Failures to inject, as set through the admin API; counters count down as calls consume them. */
export interface FaultSettings {
  /** The next N warehouse queries get the rate-limit reply. */
  rateLimitNext: number;
  /** The next N warehouse queries get an HTTP error page with this status. */
  serverErrorNext: number;
  serverErrorStatus: number;
  /** Every warehouse query waits this long before answering. */
  slowPageMs: number;
  /** Page `pageNo` answers with invalid JSON, `times` times (then recovers). */
  malformedPage: { pageNo: number; times: number } | undefined;
  /**
   * The next N pulls see a new row inserted at the front right after their page 0 has been served,
   * so every later page is shifted by one row (what a warehouse created mid-pull does in WDT).
   */
  shiftRowsDuringPull: number;
  /** Page 0 comes without total_count (as some WDT deployments and proxies answer). */
  omitTotalCount: boolean;
}

export const NO_FAULTS: FaultSettings = {
  rateLimitNext: 0,
  serverErrorNext: 0,
  serverErrorStatus: 500,
  slowPageMs: 0,
  malformedPage: undefined,
  shiftRowsDuringPull: 0,
  omitTotalCount: false,
};

export class Faults {
  private settings: FaultSettings = { ...NO_FAULTS };

  current(): FaultSettings {
    return { ...this.settings };
  }

  set(changes: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...changes };
    return this.current();
  }

  clear(): void {
    this.settings = { ...NO_FAULTS };
  }

  takeServerError(): number | undefined {
    if (this.settings.serverErrorNext <= 0) return undefined;
    this.settings.serverErrorNext -= 1;
    return this.settings.serverErrorStatus;
  }

  takeRateLimit(): boolean {
    if (this.settings.rateLimitNext <= 0) return false;
    this.settings.rateLimitNext -= 1;
    return true;
  }

  takeMalformed(pageNo: number): boolean {
    const fault = this.settings.malformedPage;
    if (!fault || fault.pageNo !== pageNo || fault.times <= 0) return false;
    this.settings.malformedPage = fault.times > 1 ? { pageNo, times: fault.times - 1 } : undefined;
    return true;
  }

  takeShift(): boolean {
    if (this.settings.shiftRowsDuringPull <= 0) return false;
    this.settings.shiftRowsDuringPull -= 1;
    return true;
  }
}
