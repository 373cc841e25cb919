import { SchemaObject } from '@nestjs/swagger';

/** The one error body of the API, as an OpenAPI schema. */
export const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'stable string code, e.g. validation_failed, version_mismatch', example: 'validation_failed' },
        message: { type: 'string', description: 'what went wrong, for a person' },
        details: { description: 'optional: per-field problems, the versions that differed, …' },
      },
    },
  },
};
