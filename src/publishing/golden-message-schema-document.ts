import { GOLDEN_RECORD_FIELDS, GoldenValueType, goldenFieldSpec } from '../contracts/golden-field-catalogue';
import { GOLDEN_SCHEMA_ID, GoldenChange, WarehouseStatus } from '../contracts/golden-record-changed.v1';

type Json = Readonly<Record<string, unknown>>;

// Keyed by the union so the lists below cannot miss or invent a value.
const CHANGES: Readonly<Record<GoldenChange, true>> = { created: true, updated: true, retired: true };
const STATUSES: Readonly<Record<WarehouseStatus, true>> = { active: true, disabled: true, retired: true };

const VALUE_SCHEMAS: Readonly<Record<GoldenValueType, Json>> = {
  code: { type: 'string', minLength: 1 },
  text: { type: 'string' },
  optionalText: { $ref: '#/$defs/nullableText' },
  optionalInteger: { type: ['integer', 'null'] },
  status: { enum: Object.keys(STATUSES) },
  boolean: { type: 'boolean' },
  optionalCoordinates: {
    oneOf: [
      { type: 'null' },
      { type: 'object', additionalProperties: false, required: ['x', 'y'], properties: { x: { type: 'number' }, y: { type: 'number' } } },
    ],
  },
  optionalGoldenId: { type: ['string', 'null'] },
};

/**
 * The JSON Schema of the golden message (schemas/mdm.warehouse.golden.v1.schema.json): the envelope
 * as written here, the record from the field catalogue. A unit test fails when the committed file is
 * not this document; `node scripts/generate-from-catalogue.mjs` (after `npm run build`) rewrites it.
 */
export function goldenMessageSchemaDocument(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://mdm-hub.local/schemas/mdm.warehouse.golden.v1.schema.json',
    title: 'GoldenRecordChanged v1 (topic mdm.warehouse.golden.v1)',
    description:
      'One change of a golden warehouse record. Kafka key = goldenId. Delivery is at-least-once: consumers dedupe by (goldenId, version); versions of one goldenId only grow but may skip numbers (events that do not change the published record, such as Kingdee sync results, take versions too).',
    type: 'object',
    additionalProperties: false,
    required: ['schema', 'eventId', 'goldenId', 'version', 'position', 'occurredAt', 'change', 'changedFields', 'record', 'sources'],
    properties: {
      schema: { const: GOLDEN_SCHEMA_ID, description: 'Message schema id; a breaking change gets a new topic and id.' },
      eventId: { type: 'string', format: 'uuid', description: 'The hub event that caused this change.' },
      goldenId: { type: 'string', minLength: 1, description: "The golden record's id: assigned once, never reused." },
      version: { type: 'integer', minimum: 1, description: "The golden record's version after this change." },
      position: { type: 'string', pattern: '^[0-9]+$', description: "Global position of the event in the hub's event store." },
      occurredAt: { type: 'string', format: 'date-time' },
      change: { enum: Object.keys(CHANGES) },
      changedFields: {
        type: 'array',
        items: { $ref: '#/$defs/recordField' },
        description: 'Fields of `record` that changed; empty for a republish (resync) of an unchanged record.',
      },
      record: { $ref: '#/$defs/record' },
      sources: {
        type: 'object',
        description: 'Raw fields of the newest observation per source system, exactly as the source sent them.',
        properties: { wdt: { type: 'object', description: '旺店通 warehouse_query row (warehouse_no, warehouse_id, name, …).' } },
        additionalProperties: { type: 'object' },
      },
      correlationId: { type: 'string', description: 'Follows one change from the WDT sync run to the Kingdee call.' },
    },
    $defs: {
      nullableText: { type: ['string', 'null'] },
      recordField: { enum: GOLDEN_RECORD_FIELDS },
      record: recordSchema(),
    },
  };
}

function recordSchema(): Json {
  const properties = GOLDEN_RECORD_FIELDS.map((field) => {
    const { valueType, description } = goldenFieldSpec(field);
    return [field, { ...VALUE_SCHEMAS[valueType], ...(description === undefined ? {} : { description }) }];
  });
  return {
    type: 'object',
    description: 'The canonical warehouse: survivorship and steward overrides applied.',
    additionalProperties: false,
    required: GOLDEN_RECORD_FIELDS,
    properties: Object.fromEntries(properties),
  };
}
