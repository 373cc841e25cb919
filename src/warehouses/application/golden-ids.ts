import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * `wh_` + a ULID: unique without coordination, never reused, and sortable by creation time (handy
 * in logs and listings). Assigned once, when a source key is first reserved.
 */
export function newGoldenId(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  const random = [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join('');
  return `wh_${time}${random}`;
}
