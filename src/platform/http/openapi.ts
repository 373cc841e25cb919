import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, ResponsesObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_BODY_SCHEMA } from './openapi-errors';
import { POSITION_HEADER } from './read-your-writes';
import { RouteAccess, RouteInventory } from './route-inventory';

/** The security scheme's name in the document: an MDM API key sent as a bearer token. */
export const API_KEY_SCHEME = 'mdmApiKey';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const MUTATING = new Set(['put', 'post', 'delete', 'patch']);
const ERROR = { $ref: '#/components/schemas/ErrorBody' };

const ERRORS: Record<number, string> = {
  400: 'validation_failed: the request (body, path or query) is invalid; details name each field',
  401: 'unauthenticated: no API key, or an unknown one',
  403: 'forbidden: the key’s role is below what the route needs',
  404: 'not_found: no such record, task, job or run',
  409: 'conflict / invalid_state / concurrency_conflict: the change does not fit the current state',
  412: 'version_mismatch: If-Match names a record version that is no longer current; reload and retry',
  415: 'unsupported_media_type: a body without Content-Type: application/json',
};

/**
 * The OpenAPI document: Nest's, completed in one place with what decorators would repeat on
 * every route: the API-key scheme (and no security on @Public routes), the error responses with
 * their one body shape, the role a route needs, and X-Mdm-Position on changes.
 */
export function buildOpenApiDocument(app: INestApplication, routes?: readonly RouteAccess[]): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('mdm-hub')
    .setDescription(
      'Golden warehouse records between 旺店通 WDT and 金蝶云星空 Kingdee. Every route but health needs an API key from MDM_API_KEYS ' +
        '(`Authorization: Bearer <key>`; roles reader < steward < admin). Errors are `{error: {code, message, details?}}` with a stable code.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'MDM API key',
        description: 'a key of MDM_API_KEYS (name:role:key), sent as `Authorization: Bearer <key>`',
      },
      API_KEY_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Given (empty) when the app was built in preview mode, which instantiates no provider.
  routes ??= app.get(RouteInventory).routes();
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY_SCHEMA } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = routes.find((r) => r.method === method.toUpperCase() && openApiPath(r.path) === path);
      const access = route?.access ?? 'none';
      if (access === 'public') {
        operation.security = [];
        continue;
      }
      operation.security = [{ [API_KEY_SCHEME]: [] }];
      if (Array.isArray(access))
        operation.description = [operation.description, `Needs the ${access.join(' or ')} role.`].filter(Boolean).join(' ');
      const params = (operation.parameters ?? []) as { name?: string; in?: string }[];
      const codes = [400, 401, 403];
      if (path.includes('{')) codes.push(404);
      if (MUTATING.has(method)) codes.push(409);
      if (params.some((p) => p.in === 'header' && p.name?.toLowerCase() === 'if-match')) codes.push(412);
      if (operation.requestBody) codes.push(415);
      for (const code of codes) {
        operation.responses[code] ??= { description: ERRORS[code]!, content: { 'application/json': { schema: ERROR } } };
      }
      if (MUTATING.has(method)) withPositionHeader(operation.responses);
    }
  }
  return document;
}

function withPositionHeader(responses: ResponsesObject): void {
  for (const [code, response] of Object.entries(responses)) {
    if (!/^2/.test(code) || !response || '$ref' in response) continue;
    response.headers = {
      ...response.headers,
      [POSITION_HEADER]: {
        description: 'the global position this change reached; read with ?minPosition= it to see your own change',
        schema: { type: 'string', example: '1234' },
      },
    };
  }
}

/** `/api/v1/warehouses/:id` → `/api/v1/warehouses/{id}`. */
const openApiPath = (path: RouteAccess['path']): string => path.replace(/:(\w+)/g, '{$1}');
