import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fromFile, Parser, type Diagnostic } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { loadConfig } from '../../config/config';
import { RunningHub, startHub } from '../../hub';
import { createLogger } from '../../platform/logging/logger';
import { sampleGoldenMessage } from '../../schemes/golden-message.fixture';
import { toLogMessage } from '../golden-record-publisher';
import { ASYNCAPI_FILE } from './asyncapi-document';

/** Errors only (severity 0): the parser also reports hints, such as "AsyncAPI 3.1 exists". */
const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('/')}: ${d.message}`);

describe('AsyncAPI 3.0 document of the Kafka topics', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let json: Response;
  let served: any;
  let yaml: Response;
  let yamlText: string;
  before(async () => {
    db = await createTestDatabase('asyncapi');
    const env = {
      DATABASE_URL: db.url,
      PORT: '0',
      WDT_POLL_INTERVAL: '0',
      MDM_API_KEYS: 'ops:admin:asyncapi-admin-key-0001',
      KAFKA_TOPIC_GOLDEN: 'acme.golden.v1',
      KAFKA_PARTITIONS: '6',
      KAFKA_SINK_GROUP: 'acme-sink',
    };
    hub = await startHub(loadConfig(env), { runWorkers: false, logger: createLogger({ level: 'silent', secrets: [] }) });
    json = await fetch(`${hub.url}/api/asyncapi.json`);
    served = await json.json();
    yaml = await fetch(`${hub.url}/api/asyncapi.yaml`);
    yamlText = await yaml.text();
  });
  after(async () => {
    await hub?.stop();
    await db?.close();
  });

  it('the committed schemas/asyncapi.yaml is valid AsyncAPI 3.0 (its file reference to the JSON Schema resolves)', async () => {
    const { document, diagnostics } = await fromFile(new Parser(), ASYNCAPI_FILE).parse();
    assert.deepEqual(errors(diagnostics), []);
    assert.equal(document?.version(), '3.0.0');
  });

  it('is served without an API key at /api/asyncapi.json and .yaml, valid, with this deployment’s topics', async () => {
    assert.equal(json.status, 200);
    assert.equal(yaml.status, 200);
    assert.match(yaml.headers.get('content-type') ?? '', /yaml/);
    for (const source of [JSON.stringify(served), yamlText]) {
      const { document, diagnostics } = await new Parser().parse(source);
      assert.deepEqual(errors(diagnostics), []);
      const golden = document!.channels().get('goldenWarehouses')!;
      assert.equal(golden.address(), 'acme.golden.v1');
      assert.deepEqual(golden.bindings().get('kafka')?.value(), {
        topic: 'acme.golden.v1',
        partitions: 6,
        topicConfiguration: { 'cleanup.policy': ['compact'], 'delete.retention.ms': 604800000 },
      });
      assert.equal(document!.channels().get('kingdeeDeadLetters')!.address(), 'mdm.warehouse.kingdee.dlq.v1');
      assert.deepEqual(
        document!
          .channels()
          .get('goldenWarehouses')!
          .messages()
          .all()
          .map((m) => m.id()),
        ['goldenRecordChanged', 'goldenRecordTombstone'],
      );
    }
    assert.deepEqual(served.operations.sinkGoldenRecordsToKingdee.bindings.kafka.groupId.enum, ['acme-sink']);
  });

  it('describes what the hub really sends: a golden message and its headers validate against the served schemas', async () => {
    const { document } = await new Parser().parse(JSON.stringify(served));
    const message = document!.channels().get('goldenWarehouses')!.messages().get('goldenRecordChanged')!;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const wire = toLogMessage({ ...sampleGoldenMessage(), eventId: randomUUID() });
    const payload = ajv.compile(message.payload()!.json());
    assert.ok(payload(JSON.parse(wire.value!)), JSON.stringify(payload.errors));
    assert.ok(!payload({ ...JSON.parse(wire.value!), version: 0 }), 'the payload schema is the real one, not an empty object');
    const headers = ajv.compile(message.headers()!.json());
    assert.ok(headers(wire.headers), JSON.stringify(headers.errors));
    assert.ok(!headers({ ...wire.headers, ce_specversion: '0.3' }));
  });
});
