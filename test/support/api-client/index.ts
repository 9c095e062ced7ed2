import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** The typed HTTP client of Shoplink: paths, path/query/header parameters, bodies and answers as the OpenAPI document says. */
export type ShoplinkClient = Client<paths>;

/** A command's answer and the error shape, as published. */
export type CommandAnswer = components['schemas']['CommandAnswer'];
export type ErrorBody = components['schemas']['ErrorBody'];

/**
 * A client for a Shoplink service at `baseUrl` (e.g. http://localhost:3000), calling as the
 * service the bearer `token` names. Built on openapi-fetch from the generated types (schema.d.ts),
 * so a path, parameter, header or body the document does not declare does not compile.
 */
export function createShoplinkClient(baseUrl: string, token: string): ShoplinkClient {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
}
