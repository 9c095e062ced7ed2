import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  HeaderObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CORRELATION_ID_PATTERN, ID_FORMAT, ID_PATTERN } from './identifiers';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Response headers the service sets on answers of every route (or every authenticated one), named once in components.headers. */
const RESPONSE_HEADERS: Record<string, HeaderObject> = {
  'X-Correlation-Id': {
    description: "The request's correlation id: the one sent, or one generated; every log line and event of the request names it",
    schema: { type: 'string', pattern: CORRELATION_ID_PATTERN.source },
  },
  'X-RateLimit-Limit': {
    description: 'Requests the calling service may make per window, across all routes',
    schema: { type: 'integer', minimum: 1 },
  },
  'X-RateLimit-Remaining': { description: 'Requests left in the current window', schema: { type: 'integer', minimum: 0 } },
  'X-RateLimit-Reset': { description: 'Seconds until the window starts afresh', schema: { type: 'integer', minimum: 0 } },
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } },
};

const headerRef = (name: string): ReferenceObject => ({ $ref: `#/components/headers/${name}` });

/**
 * What Nest's document generator cannot see in the decorators, added to the document it built:
 * - the path parameters: routes read them through ValidCommand/ValidQuery (which validate every id
 *   at once), so the generator never learns of them; each `{name}` of a path becomes a required
 *   string parameter of the id format, unless the route declares it itself (ApiParam);
 * - the X-Correlation-Id request header, which every route reads;
 * - the error shape: every 4xx/5xx answer is an ErrorBody (the global HttpErrorFilter writes them all);
 * - the headers on every answer: X-Correlation-Id; on the answers of authenticated routes (but
 *   401) X-RateLimit-* (optional: the unauthenticated throttle's 429 has none), and Retry-After on
 *   429 and 503;
 * - `security: []` on the public routes, so a reader knows they take no token.
 * Only the document changes; no route behaves differently.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  components.headers = { ...(components.headers ?? {}), ...RESPONSE_HEADERS };
  for (const [path, item] of Object.entries(document.paths)) {
    const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    for (const method of METHODS) {
      const operation: OperationObject | undefined = item[method];
      if (operation === undefined) continue;
      declarePathParameters(operation, pathParams);
      declareCorrelationId(operation);
      const authenticated = (operation.security ?? []).length > 0;
      if (!authenticated) operation.security = [];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (response === undefined || '$ref' in response) continue;
        completeResponse(Number(status), response, authenticated);
      }
    }
  }
  return document;
}

function declarePathParameters(operation: OperationObject, names: readonly string[]): void {
  const parameters = (operation.parameters ??= []);
  const declared = (parameters as ParameterObject[]).filter((p) => p.in === 'path');
  for (const name of names) {
    const existing = declared.find((p) => p.name === name);
    if (existing !== undefined) {
      existing.required = true;
      existing.schema ??= { type: 'string' };
      continue;
    }
    parameters.push({
      name,
      in: 'path',
      required: true,
      description: ID_FORMAT,
      schema: { type: 'string', pattern: ID_PATTERN.source, minLength: 1, maxLength: 64 },
      example: EXAMPLE_IDS[name],
    });
  }
  // Path parameters first, in the order of the path: what a reader (and Swagger UI) expects.
  operation.parameters = [
    ...names.map((name) => parameters.find((p) => 'in' in p && p.in === 'path' && p.name === name)!),
    ...parameters.filter((p) => !('in' in p && p.in === 'path')),
  ];
}

/**
 * Every route reads X-Correlation-Id (correlation-id.ts): a valid one is kept and echoed, an absent or
 * invalid one replaced by a generated id (commands answer 400 for an invalid one; their ApiCommand says so).
 */
function declareCorrelationId(operation: OperationObject): void {
  const parameters = (operation.parameters ??= []);
  if (parameters.some((p) => 'in' in p && p.in === 'header' && p.name === 'X-Correlation-Id')) return;
  parameters.push({
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    description: 'Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format',
    schema: { type: 'string', pattern: CORRELATION_ID_PATTERN.source, minLength: 1, maxLength: 128 },
  });
}

const EXAMPLE_IDS: Record<string, string> = {
  shopId: 'brand',
  accountId: 'tt-official',
  requestId: 'ur-1',
  memberId: 'm-17',
  orderId: 'o-1',
  campaignId: 'c-1',
  withdrawalId: 'wd-1',
  incidentId: 'inc-1',
};

function completeResponse(status: number, response: ResponseObject, authenticated: boolean): void {
  const headers = (response.headers ??= {});
  headers['X-Correlation-Id'] ??= headerRef('X-Correlation-Id');
  // A 401 is no authenticated answer: the service was not identified, so no budget is told.
  if (authenticated && status !== 401) {
    headers['X-RateLimit-Limit'] ??= headerRef('X-RateLimit-Limit');
    headers['X-RateLimit-Remaining'] ??= headerRef('X-RateLimit-Remaining');
    headers['X-RateLimit-Reset'] ??= headerRef('X-RateLimit-Reset');
  }
  if (status === 429 || status === 503) headers['Retry-After'] ??= headerRef('Retry-After');
  if (status >= 400 && response.content === undefined) {
    response.content = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };
  }
}
