import { testToken } from './service-tokens';

let issued: Promise<string> | null = null;

/** The bearer token the browser tests paste into the console: an auditor's, audit:read only (one per test run). */
export function consoleToken(): Promise<string> {
  issued ??= testToken({ service: 'auditors-console', scopes: ['audit:read'] });
  return issued;
}
