/** Request headers whose values never reach a log line. */
export const REDACTED_REQUEST_HEADERS = ['authorization', 'cookie', 'proxy-authorization'] as const;
/** Response headers whose values never reach a log line. */
export const REDACTED_RESPONSE_HEADERS = ['set-cookie'] as const;

/**
 * Paths pino replaces with "[redacted]" in every line. Bodies are never logged, so these guard
 * against a line that one day carries one: the caller's credentials, the one-time unlink code
 * (as answered and as confirmed), and what a link request says about the account's owner.
 * (The request line is built by RequestLog with its headers already redacted the same way.)
 */
export const REDACTED_PATHS = [
  ...REDACTED_REQUEST_HEADERS.map((name) => (name.includes('-') ? `req.headers["${name}"]` : `req.headers.${name}`)),
  ...REDACTED_RESPONSE_HEADERS.map((name) => `res.headers["${name}"]`),
  'body',
  '*.body',
  'confirmationCode',
  '*.confirmationCode',
  'profile',
  '*.profile',
  '*.ownerAge',
  '*.handle',
  '*.email',
  '*.phone',
];

export const REDACTION_CENSOR = '[redacted]';

/** A copy of `headers` with the named ones (present ones only) replaced by the censor, as pino's redaction would. */
export function redactedHeaders(headers: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...headers };
  for (const name of names) if (copy[name] !== undefined) copy[name] = REDACTION_CENSOR;
  return copy;
}
