import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AWKWARD_SECRETS } from '../../shared/secrets/awkward-secrets';
import { createLogger } from './logger';

describe('pino logger: secrets never reach a line', () => {
  it('scrubs secrets with quotes, backslashes, $, Chinese and spaces from messages, fields, errors and nested JSON', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      secrets: AWKWARD_SECRETS,
      destination: { write: (line: string) => void lines.push(line) },
    });
    for (const secret of AWKWARD_SECRETS) {
      logger.info(`login with ${secret}`);
      logger.info({ request: { body: JSON.stringify({ password: secret }) }, note: secret }, 'request sent');
      logger.error({ err: new Error(`server echoed ${secret}`) }, 'call failed');
      logger.warn({ url: `postgres://mdm:${encodeURIComponent(secret)}@db/mdm` }, 'connecting');
    }
    assert.equal(lines.length, AWKWARD_SECRETS.length * 4);
    for (const line of lines) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      assert.ok(JSON.stringify(parsed).includes('***'), line);
      for (const secret of AWKWARD_SECRETS) {
        for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
          assert.ok(!line.includes(form), `${JSON.stringify(form)} in ${line}`);
        }
        assert.ok(!JSON.stringify(parsed).includes(secret), 'not even once the line is parsed back');
      }
    }
  });
});
