import { ISO_TEST_CODES } from './iso-test-codes';
import { PolicyInForce } from '../domain/policy/policy-in-force';
import { validatePolicyDocument } from '../domain/policy/validate-policy-document';
import { ShopPolicy } from '../domain/shop-policy';
import { DEFAULT_POLICY_JSON } from '../policy/default-policy-file';

/** The shipped policy (its markets and version), with other global numbers when a test needs them. Test-only. */
export function defaultPolicyWith(defaults?: ShopPolicy): PolicyInForce {
  const checked = validatePolicyDocument(DEFAULT_POLICY_JSON, ISO_TEST_CODES);
  if (!checked.ok) throw new Error(`The shipped policy is invalid: ${JSON.stringify(checked.problems)}`);
  return new PolicyInForce(defaults === undefined ? checked.document : { ...checked.document, defaults });
}
