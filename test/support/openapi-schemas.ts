import assert from 'node:assert/strict';
import Ajv from 'ajv';

/**
 * Asserts a response body fits a schema of the hub's OpenAPI document. The response DTOs are
 * documentation only (handlers return the query types) and the console is typed from them
 * (console/src/api/generated.ts), so tests hold real answers against them.
 */
export function openApiSchemas(document: { components?: object }): (schema: string, body: unknown) => void {
  // strict: false lets the document's `example` through.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'openapi', components: jsonSchema(document.components) });
  return (schema, body) => {
    const validate = ajv.compile({ $ref: `openapi#/components/schemas/${schema}` });
    assert.ok(validate(body), `${schema}: ${JSON.stringify(validate.errors, null, 2)}\n${JSON.stringify(body, null, 2)}`);
  };
}

/** OpenAPI 3.0's `nullable: true` as JSON Schema (Ajv takes it only beside `type`, Nest also puts it beside `$ref` and `oneOf`). */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const schema = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, jsonSchema(value)]));
  return nullable === true ? { anyOf: [schema, { type: 'null' }] } : schema;
}
