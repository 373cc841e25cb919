import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../config/config';
import { GOLDEN_SCHEMA_FILE } from '../golden-message-schema';

export const ASYNCAPI_FILE = path.join(projectRoot(), 'schemas', 'asyncapi.yaml');
const GOLDEN_SCHEMA_REF = `./${path.basename(GOLDEN_SCHEMA_FILE)}`;
const GOLDEN_COMPONENT = 'GoldenRecordChangedV1';

/** What a deployment changes in the document: its topic names, partitions, sink group and brokers. */
export interface AsyncApiDeployment {
  readonly topicGolden: string;
  readonly topicDlq: string;
  readonly partitions: number;
  readonly sinkGroup: string;
  readonly brokers?: readonly string[];
}

type Json = Record<string, any>;

/**
 * The committed AsyncAPI document, bundled for serving: the golden JSON Schema (a file reference in
 * the committed document) is inlined under components/schemas, its `$defs` lifted beside it, and the
 * deployment's topic names, partition count, sink group and broker filled in.
 */
export function asyncApiDocument(deployment: AsyncApiDeployment): Json {
  const doc = parse(readFileSync(ASYNCAPI_FILE, 'utf8')) as Json;
  const { $defs = {}, $schema: _dialect, $id: _id, ...golden } = JSON.parse(readFileSync(GOLDEN_SCHEMA_FILE, 'utf8')) as Json;
  const schemas = doc.components.schemas as Json;
  for (const [name, schema] of Object.entries({ [GOLDEN_COMPONENT]: golden, ...($defs as Json) })) {
    if (schemas[name]) throw new Error(`asyncapi: components/schemas/${name} would be overwritten by the golden schema`);
    schemas[name] = schema;
  }
  const bundled = rewriteRefs(doc) as Json;
  const { goldenWarehouses, kingdeeDeadLetters } = bundled.channels as Json;
  place(goldenWarehouses, deployment.topicGolden, deployment.partitions);
  place(kingdeeDeadLetters, deployment.topicDlq, 1);
  bundled.operations.sinkGoldenRecordsToKingdee.bindings.kafka.groupId.enum = [deployment.sinkGroup];
  if (deployment.brokers?.[0]) bundled.servers.kafka.host = deployment.brokers[0];
  return bundled;
}

function place(channel: Json, topic: string, partitions: number): void {
  channel.address = topic;
  channel.bindings.kafka.topic = topic;
  channel.bindings.kafka.partitions = partitions;
}

/** `./mdm.warehouse.golden.v1.schema.json` → the inlined component; `#/$defs/x` → `#/components/schemas/x`. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key !== '$ref' || typeof value !== 'string') return [key, rewriteRefs(value)];
      if (value === GOLDEN_SCHEMA_REF) return [key, `#/components/schemas/${GOLDEN_COMPONENT}`];
      return [key, value.replace(/^#\/\$defs\//, '#/components/schemas/')];
    }),
  );
}
