import { KingdeeError, KingdeeErrorCode } from './kingdee-error';
import { findResponseStatus, type ResponseStatus } from './response-status';

/** ExecuteBillQuery `data` (docs/kingdee-api.md). FieldKeys may be given as a list. */
export interface BillQuery {
  readonly FormId: string;
  readonly FieldKeys: string | readonly string[];
  readonly FilterString?: string;
  readonly OrderString?: string;
  readonly TopRowCount?: number;
  readonly StartRow?: number;
  readonly Limit?: number;
  readonly SubSystemId?: string;
}

/** Only the keys given are sent: servers differ on what a default such as `Limit: 0` means. */
export function billQueryBody(query: BillQuery): { data: Record<string, unknown> } {
  const fieldKeys = typeof query.FieldKeys === 'string' ? query.FieldKeys : query.FieldKeys.join(',');
  return { data: { ...query, FieldKeys: fieldKeys } };
}

export type BillQueryReply =
  { readonly kind: 'rows'; readonly rows: unknown[][] } | { readonly kind: 'failed'; readonly status: ResponseStatus };

/** Rows (an array of arrays in FieldKeys order), or the ResponseStatus of `[[{"Result":…}]]` errors. */
export function readBillQueryReply(json: unknown, service: string): BillQueryReply {
  if (Array.isArray(json)) {
    const status = findResponseStatus(json);
    if (status && !status.isSuccess) return { kind: 'failed', status };
    if (json.every(Array.isArray)) return { kind: 'rows', rows: json as unknown[][] };
  } else {
    const status = findResponseStatus(json);
    if (status) return { kind: 'failed', status };
  }
  throw new KingdeeError(KingdeeErrorCode.malformedResponse, `Kingdee ${service} answered with neither rows nor a ResponseStatus`, {
    service,
  });
}

/** A FilterString literal: single-quoted, embedded quotes doubled (SQL style, which Kingdee's filter follows). */
export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
