import { join } from 'node:path';
// Imported (not only read) so the compiler copies the file beside this module in dist/: `npm start`
// and the container find the shipped default without an extra build step.
import defaultPolicy from './default-policy.json';

/** The policy file shipped with the service: what SHOPLINK_POLICY_FILE defaults to. */
export const DEFAULT_POLICY_FILE = join(__dirname, 'default-policy.json');

/** Its content as parsed JSON, unchecked (the loader validates whatever file it reads, this one too). */
export const DEFAULT_POLICY_JSON: unknown = defaultPolicy;
