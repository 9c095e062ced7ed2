/**
 * Formats of the identifiers callers send, documented in docs/api.md: short, URL-safe,
 * starting with a letter or digit, so they can sit in paths and stream names unescaped.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const ID_FORMAT = '1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit';
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const ACTOR_PATTERN = /^(member|support|system):([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;
