import { ConfigError } from '@shoplink/storage';
import { ObservabilityOptions } from './observability.options';

const LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/**
 * Logging settings from the environment, checked at start-up like the rest of the configuration:
 * `SHOPLINK_LOG_LEVEL` (info) and `SHOPLINK_LOG_FORMAT` (`json`, or `pretty` for development; by
 * default pretty only on a terminal outside production, so a container always writes JSON).
 * Tracing reads the standard OTEL_* variables itself (start-tracing.ts).
 */
export function loadObservabilityConfig(
  env: NodeJS.ProcessEnv = process.env,
  isTerminal = process.stdout.isTTY === true,
): ObservabilityOptions {
  const level = env.SHOPLINK_LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LEVELS.includes(level))
    throw new ConfigError('SHOPLINK_LOG_LEVEL', `expected one of ${LEVELS.join(', ')}, got "${env.SHOPLINK_LOG_LEVEL}"`);
  const format = env.SHOPLINK_LOG_FORMAT?.trim().toLowerCase() || (isTerminal && env.NODE_ENV !== 'production' ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty')
    throw new ConfigError('SHOPLINK_LOG_FORMAT', `expected json or pretty, got "${env.SHOPLINK_LOG_FORMAT}"`);
  return { logLevel: level, prettyLogs: format === 'pretty', processMetrics: true };
}
