/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: the event's attributes travel as
 * `ce_`-prefixed headers and the Kafka value is the event data as it is, so consumers that know
 * nothing of CloudEvents read the same JSON as before while CloudEvents SDKs, Knative's KafkaSource
 * or cloud event bridges understand the message without a custom mapping.
 */
export const CLOUDEVENTS_SPEC_VERSION = '1.0';

/** Where golden-record events come from (`ce_source`): the hub's warehouses golden records. */
export const GOLDEN_EVENT_SOURCE = '/mdm-hub/warehouses';
/** `ce_type` of every message on the golden topic; versioned like the topic and the schema. */
export const GOLDEN_EVENT_TYPE = 'com.mdm-hub.warehouse.golden.changed.v1';
/** Where dead letters come from: the Kingdee sink. */
export const DLQ_EVENT_SOURCE = '/mdm-hub/kingdee-sink';
export const DLQ_EVENT_TYPE = 'com.mdm-hub.warehouse.kingdee.dead-lettered.v1';

export interface CloudEventAttributes {
  /** Unique within `source`; a redelivered event keeps its id, so consumers may dedupe on (source, id). */
  readonly id: string;
  readonly source: string;
  readonly type: string;
  /** What the event is about within the source: the golden id. */
  readonly subject?: string;
  /** RFC 3339. */
  readonly time: string;
  /** The value's media type; the binding carries it as the plain `content-type` header. */
  readonly dataContentType?: string;
}

/** The binary-mode headers for `attributes` (string values, as every Kafka header of the hub). */
export function cloudEventHeaders(attributes: CloudEventAttributes): Record<string, string> {
  return {
    'content-type': attributes.dataContentType ?? 'application/json',
    ce_specversion: CLOUDEVENTS_SPEC_VERSION,
    ce_id: attributes.id,
    ce_source: attributes.source,
    ce_type: attributes.type,
    ...(attributes.subject !== undefined ? { ce_subject: attributes.subject } : {}),
    ce_time: attributes.time,
  };
}
