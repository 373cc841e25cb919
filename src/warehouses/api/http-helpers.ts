import { actorOf } from '../../platform/http/api-key.guard';
import { CommandMetadata } from '../../shared/domain/decider';
import { invalid } from '../domain/override-values';
import { commandMetadata } from '../application/metadata';

export interface ApiRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly apiKey?: { name: string; role: string };
}

/** The steward behind a request, and the caller's correlation id if it sent one. */
export function metadataOf(request: ApiRequest): CommandMetadata {
  const correlationId = request.headers['x-correlation-id'];
  return commandMetadata(actorOf(request), {
    correlationId: typeof correlationId === 'string' && correlationId !== '' ? correlationId : undefined,
  });
}

/** `If-Match: "7"` (or 7, or W/"7") → 7; absent → undefined (no precondition). */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw invalid('If-Match', `must be the record's version as its ETag gives it, e.g. "7"; got ${header}`);
  return Number(match[1]);
}

export const etagOf = (version: number): string => `"${version}"`;

/** The If-Match request header of the routes that change a golden record. */
export const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: false,
  description:
    'the record version (ETag) the steward saw; 412 version_mismatch if the record changed since (a source change, an override, a merge, a retirement). Kingdee sync results and resync requests do not count: they never make it stale',
};
