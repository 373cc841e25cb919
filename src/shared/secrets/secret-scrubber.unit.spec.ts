import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AWKWARD_SECRETS } from './awkward-secrets';
import { SecretScrubber } from './secret-scrubber';

describe('SecretScrubber', () => {
  const scrubber = new SecretScrubber(AWKWARD_SECRETS);

  it('removes each secret raw, JSON-escaped (once and twice), as ASCII-only JSON and URL-encoded', () => {
    for (const secret of AWKWARD_SECRETS) {
      const json = JSON.stringify({ msg: `login failed for ${secret}` });
      const twice = JSON.stringify({ msg: JSON.stringify({ body: secret }) });
      const ascii = JSON.stringify(secret).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const texts = [
        `error: ${secret}.`,
        json,
        twice,
        `{"Password":${ascii}}`,
        `postgres://u:${encodeURIComponent(secret)}@db/x`,
        `password=${encodeURIComponent(secret).replace(/%20/g, '+')}&x=1`,
      ];
      for (const text of texts) {
        const clean = scrubber.scrub(text);
        assert.ok(clean.includes('***'), `${JSON.stringify(secret)} in ${text}`);
        for (const fragment of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
          assert.ok(!clean.includes(fragment), `${JSON.stringify(fragment)} left in ${clean}`);
        }
      }
      assert.doesNotThrow(() => JSON.parse(scrubber.scrub(json)), 'a JSON line stays JSON');
      assert.doesNotThrow(() => JSON.parse(scrubber.scrub(twice)));
    }
  });

  it('leaves other text alone, ignores empty and very short values, and rebuilds errors only when needed', () => {
    const short = new SecretScrubber(['', undefined, 'ab']);
    assert.ok(short.empty);
    assert.equal(short.scrub('ab abc'), 'ab abc');
    const error = new Error('nothing secret here');
    assert.equal(
      scrubber.scrubError(error, (m) => new Error(m)),
      error,
    );
    const leaky = new Error(`server said ${AWKWARD_SECRETS[1]}`);
    const clean = scrubber.scrubError(leaky, (m) => new Error(m));
    assert.equal(clean.message, 'server said ***');
    assert.ok(!clean.stack!.includes(AWKWARD_SECRETS[1]!));
  });
});
