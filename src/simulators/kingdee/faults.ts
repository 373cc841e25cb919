/** Injected misbehaviour, set through the admin API (HTTP `/__admin/faults` or in process). */
export interface FaultSettings {
  /** The next N kdsvc calls answer with HTTP `httpErrorStatus` and no JSON. */
  readonly httpErrorNext: number;
  readonly httpErrorStatus: number;
  /** The next N calls answer with a `response_error:` exception body. */
  readonly exceptionNext: number;
  readonly exceptionMessage: string;
  /** The next N calls answer MsgCode 14 (调用限制). */
  readonly rateLimitNext: number;
  /** The next N calls are carried out, then the connection is dropped before the answer: a write whose outcome the client cannot know. */
  readonly loseAnswerNext: number;
  /** Only calls of this service (short name, e.g. BatchSave) lose their answer; empty = any. */
  readonly loseAnswerService: string;
  /** Every call waits this long before answering. */
  readonly delayMs: number;
  /** BatchSave/Save records with these numbers fail validation (MsgCode 11) with the given message. */
  readonly rejectNumbers: Readonly<Record<string, string>>;
}

export const NO_FAULTS: FaultSettings = {
  httpErrorNext: 0,
  httpErrorStatus: 500,
  exceptionNext: 0,
  exceptionMessage: '服务端发生未处理的异常（模拟）',
  rateLimitNext: 0,
  loseAnswerNext: 0,
  loseAnswerService: '',
  delayMs: 0,
  rejectNumbers: {},
};

export const injectedRejection = (number: string): string => `仓库编码[${number}]未通过校验：模拟器注入的校验失败`;

export type OneShotFault = 'httpError' | 'exception' | 'rateLimit' | 'loseAnswer';

export class Faults {
  private settings: FaultSettings = NO_FAULTS;

  current(): FaultSettings {
    return structuredClone(this.settings);
  }

  set(changes: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...changes };
    return this.current();
  }

  clear(): void {
    this.settings = NO_FAULTS;
  }

  /** Consumes one shot of the first armed one-shot fault, if any (checked in this order). */
  take(): OneShotFault | undefined {
    const order: [OneShotFault, 'httpErrorNext' | 'exceptionNext' | 'rateLimitNext'][] = [
      ['httpError', 'httpErrorNext'],
      ['exception', 'exceptionNext'],
      ['rateLimit', 'rateLimitNext'],
    ];
    for (const [fault, key] of order) {
      if (this.settings[key] > 0) {
        this.settings = { ...this.settings, [key]: this.settings[key] - 1 };
        return fault;
      }
    }
    return undefined;
  }

  /** True (once per armed shot) when this call's answer should be lost after it ran. */
  takeLoseAnswer(service: string): boolean {
    if (this.settings.loseAnswerNext <= 0) return false;
    if (this.settings.loseAnswerService && this.settings.loseAnswerService.toLowerCase() !== service.toLowerCase()) return false;
    this.settings = { ...this.settings, loseAnswerNext: this.settings.loseAnswerNext - 1 };
    return true;
  }

  /** Lower-cased number → message. */
  rejections(): Map<string, string> {
    return new Map(Object.entries(this.settings.rejectNumbers).map(([n, m]) => [n.toLowerCase(), m]));
  }
}
