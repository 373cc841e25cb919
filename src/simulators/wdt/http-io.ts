import { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1_000_000;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Query-string and form params merged, form winning (the Qimen gateway takes either, docs/wdt-api.md).
 * A JSON body carries no signed params in any known client, so it is not merged.
 */
export function requestParams(req: IncomingMessage, url: URL, body: string): Record<string, string> {
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  const type = req.headers['content-type'] ?? '';
  if (body !== '' && !type.includes('json')) Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
  return params;
}

/** Real WDT declares the wrong type for its JSON (docs/wdt-api.md); the simulator does the same. */
export function sendWdt(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = value === undefined ? '' : JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function parseJson(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  const value: unknown = JSON.parse(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SyntaxError('expected a JSON object');
  return value as Record<string, unknown>;
}
