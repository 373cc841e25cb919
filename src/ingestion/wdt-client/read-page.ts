import { classifyFailure } from './classify-failure';
import { decodeWarehouse } from './decode-warehouse';
import { HttpReply } from './http-call';
import { integer } from './lenient';
import { WdtError, WdtErrorCode, onPage } from './wdt-error';
import { WdtProtocol } from './wdt-protocol';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';

export interface WdtPage {
  readonly pageNo: number;
  readonly pageSize: number;
  /** Only page 0 carries it (docs/wdt-api.md); undefined on later pages. */
  readonly totalCount: number | undefined;
  readonly warehouses: readonly WdtWarehouse[];
  /** Rows that could not be decoded, one error each naming the page and row. */
  readonly invalidRows: readonly WdtError[];
  /** Rows on the page, decodable or not: what paging counts. */
  readonly rowCount: number;
}

/**
 * One HTTP reply → a decoded page, or a typed error. The body is parsed as JSON whatever the
 * Content-Type says: real WDT declares the wrong one (docs/wdt-api.md).
 */
export function readPage(reply: HttpReply, protocol: WdtProtocol, pageNo: number, pageSize: number): WdtPage {
  const statusError = errorForStatus(reply, protocol, pageNo);
  if (statusError?.retryable) throw statusError;
  let body: unknown;
  try {
    body = JSON.parse(reply.body.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (statusError) throw statusError;
    throw new WdtError(
      WdtErrorCode.malformedResponse,
      `WDT sent a malformed reply${onPage(pageNo)}: not valid JSON (${(error as Error).message}; starts with ${JSON.stringify(reply.body.slice(0, 60))})`,
      { page: pageNo, httpStatus: reply.status },
    );
  }
  const envelope = protocol.readEnvelope(body);
  if (envelope.kind === 'failure') throw classifyFailure(envelope.failure, pageNo, protocol.credentialHint);
  if (statusError) throw statusError;
  if (envelope.kind === 'malformed') {
    throw new WdtError(WdtErrorCode.malformedResponse, `WDT sent a malformed reply${onPage(pageNo)}: ${envelope.problem}`, {
      page: pageNo,
    });
  }
  return decodeRows(envelope.rows, pageNo, pageSize, envelope.totalCount);
}

function decodeRows(rows: readonly unknown[], pageNo: number, pageSize: number, total: unknown): WdtPage {
  const warehouses: WdtWarehouse[] = [];
  const invalidRows: WdtError[] = [];
  rows.forEach((row, index) => {
    const decoded = decodeWarehouse(row);
    if (decoded.ok) warehouses.push(decoded.warehouse);
    else
      invalidRows.push(
        new WdtError(WdtErrorCode.invalidRow, `WDT row ${index + 1}${onPage(pageNo)} cannot be used: ${decoded.problem}`, { page: pageNo }),
      );
  });
  return { pageNo, pageSize, totalCount: pageNo === 0 ? integer(total) : undefined, warehouses, invalidRows, rowCount: rows.length };
}

/**
 * Non-2xx statuses. 5xx and 429 are retried whatever the body says; for other 4xx a business failure
 * in the body wins (a gateway may pair its JSON rejection with 400/403) as it says more.
 */
function errorForStatus(reply: HttpReply, protocol: WdtProtocol, page: number): WdtError | undefined {
  const { status } = reply;
  if (status >= 200 && status < 300) return undefined;
  const info = { page, httpStatus: status };
  if (status >= 500 || status === 408) return new WdtError(WdtErrorCode.unavailable, `WDT answered HTTP ${status}${onPage(page)}`, info);
  if (status === 429) return new WdtError(WdtErrorCode.rateLimited, `WDT rate limit hit${onPage(page)} (HTTP 429)`, info);
  if (status === 401 || status === 403) {
    return new WdtError(
      WdtErrorCode.credentials,
      `WDT refused access${onPage(page)} (HTTP ${status}): check ${protocol.credentialHint}`,
      info,
    );
  }
  return new WdtError(
    WdtErrorCode.http,
    `WDT answered HTTP ${status} for ${protocol.url}${onPage(page)}: check the ${protocol.variant === 'openapi' ? 'WDT_BASE_URL' : 'WDT_QIMEN_URL'} setting`,
    info,
  );
}
