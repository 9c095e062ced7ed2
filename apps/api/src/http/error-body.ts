import { STATUS_CODES } from 'node:http';

/** The one error shape of every answer: `{ statusCode, error, code, message, details }`. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string;
  readonly details: readonly unknown[];
  readonly [extra: string]: unknown;
}

export function errorBody(
  statusCode: number,
  code: string,
  message: string,
  details: readonly unknown[] = [],
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message, details, ...extra };
}
