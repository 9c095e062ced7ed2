/**
 * Paths pino replaces with "[redacted]" in every line. Bodies are never logged, so these guard
 * against a line that one day carries one: the caller's credentials, the one-time unlink code
 * (as answered and as confirmed), and what a link request says about the account's owner.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
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
