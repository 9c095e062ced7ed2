import { ObservabilityOptions } from './observability.options';

/**
 * The logging tests and main.ts ask for: `logger: false` (every test app) silences the logs unless
 * the test hands a destination to capture them in.
 */
export function observabilityFor(
  logger: false | undefined,
  options: ObservabilityOptions = {},
): { options: ObservabilityOptions; logsOn: boolean } {
  const logsOn = logger !== false || options.logDestination !== undefined;
  return { options: logsOn ? options : { ...options, logLevel: 'silent' }, logsOn };
}
