import type { HttpReply } from './http-post';
import { KingdeeError, KingdeeErrorCode } from './kingdee-error';
import { prop } from './lenient';

const EXCEPTION_PREFIX = 'response_error:';

/**
 * The JSON a Kingdee service answered with. HTTP 200 and 206 are success (both official SDKs accept
 * 206); the Content-Type is ignored (servers send text/plain, application/json, or nothing useful).
 * A `response_error:` body is a serialised .NET exception (docs/kingdee-api.md), whatever the status.
 */
export function decodeReply(reply: HttpReply, service: string): unknown {
  const body = reply.body.replace(/^\uFEFF/, '').trim();
  if (body.startsWith(EXCEPTION_PREFIX)) throw serverException(body.slice(EXCEPTION_PREFIX.length), reply.status, service);
  if (reply.status !== 200 && reply.status !== 206) throw httpError(reply.status, body, service);
  try {
    return JSON.parse(body);
  } catch {
    throw new KingdeeError(
      KingdeeErrorCode.malformedResponse,
      `Kingdee ${service} answered with something that is not JSON: ${excerpt(body)}`,
      {
        service,
        httpStatus: reply.status,
      },
    );
  }
}

function serverException(json: string, status: number, service: string): KingdeeError {
  let message = excerpt(json);
  try {
    const parsed: unknown = JSON.parse(json);
    const inner = prop(prop(parsed, 'InnerExWrapper'), 'Message');
    message = [prop(parsed, 'Message'), inner].filter((m) => typeof m === 'string' && m.length > 0).join(' ← ') || message;
  } catch {
    // Not JSON after the prefix: the raw excerpt is the best we have.
  }
  return new KingdeeError(KingdeeErrorCode.serverException, `Kingdee ${service} failed with a server exception: ${message}`, {
    service,
    httpStatus: status,
  });
}

function httpError(status: number, body: string, service: string): KingdeeError {
  const retryable = status >= 500 || status === 429 || status === 408;
  const code = retryable ? KingdeeErrorCode.serverError : KingdeeErrorCode.http;
  return new KingdeeError(code, `Kingdee ${service} answered HTTP ${status}${body ? `: ${excerpt(body)}` : ''}`, {
    service,
    httpStatus: status,
  });
}

export function excerpt(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
