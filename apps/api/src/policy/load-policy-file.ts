import { readFileSync } from 'node:fs';
import { ConfigError, ConfigErrors } from '@shoplink/storage';
import { PolicyDocument, validatePolicyDocument } from '@shoplink/shops';
import { ISO_CURRENCIES, ISO_REGIONS } from '../http/dto-rules';

export const POLICY_FILE_VARIABLE = 'SHOPLINK_POLICY_FILE';

/**
 * Reads and checks the policy file: every problem becomes a ConfigError naming the variable and the
 * field (`SHOPLINK_POLICY_FILE: defaults.earliestUnlinkHours: …`), all of them at once, so the
 * service refuses to start (exit 78) with the whole list on its one fatal line.
 */
export function loadPolicyFile(path: string): PolicyDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(POLICY_FILE_VARIABLE, `cannot read ${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(POLICY_FILE_VARIABLE, `${path} is not JSON: ${(error as Error).message}`);
  }
  const checked = validatePolicyDocument(raw, {
    isRegion: (code) => ISO_REGIONS.has(code),
    isCurrency: (code) => ISO_CURRENCIES.has(code),
  });
  if (checked.ok) return checked.document;
  const problems = checked.problems.map(({ field, problem }) => new ConfigError(POLICY_FILE_VARIABLE, `${path}: ${field}: ${problem}`));
  throw problems.length === 1 ? problems[0] : new ConfigErrors(problems);
}
