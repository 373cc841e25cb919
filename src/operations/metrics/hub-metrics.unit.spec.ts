import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Gauge } from 'prom-client';
import { HubStatus } from '../status/hub-status';
import { HubMetrics } from './hub-metrics';

const SAMPLE_LINE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/;

const quietHub = {
  at: new Date().toISOString(),
  events: { count: 0, headPosition: '0' },
  processors: [],
  kingdeeSink: { lag: null },
  sink: null,
  dlq: { topic: 'dlq', messages: null },
  wdtSyncRuns: null,
  stewardship: null,
  jobsRunning: [],
  schemes: [],
} as unknown as HubStatus;

describe('HubMetrics', () => {
  it('spells a missing value NaN, as the exposition format does (prom-client writes Nan)', async () => {
    const metrics = new HubMetrics(async () => quietHub);
    new Gauge({ name: 'mdm_test_unknown', help: 'a value not known yet', registers: [metrics.registry] }).set(NaN);
    const text = await metrics.metrics();
    assert.match(text, /^mdm_test_unknown NaN$/m);
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) assert.match(line, SAMPLE_LINE);
  });
});
