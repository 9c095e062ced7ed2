import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePolicyDocument } from '../domain/policy/validate-policy-document';
import { DEFAULT_SHOP_POLICY } from '../domain/shop-policy';
import { ISO_TEST_CODES } from '../testing/iso-test-codes';
import { DEFAULT_POLICY_FILE, DEFAULT_POLICY_JSON } from './default-policy-file';
import { policyRulesTable } from './policy-rules-table';

const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'domain-rules.md');
const BEGIN = '<!-- generated from libs/shops/src/policy/default-policy.json: npm run docs:policy -->';
const END = '<!-- end of generated policy table -->';

describe('The shipped policy file and the rules table of docs/domain-rules.md', () => {
  const checked = validatePolicyDocument(DEFAULT_POLICY_JSON, ISO_TEST_CODES);
  const document = checked.ok ? checked.document : null;

  it('is valid, and the module points at the file it imports', () => {
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    expect(JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8'))).toEqual(DEFAULT_POLICY_JSON);
  });

  it('holds the numbers the domain is specified with (DEFAULT_SHOP_POLICY)', () => {
    expect(document?.defaults).toEqual(DEFAULT_SHOP_POLICY);
  });

  it('is the table the docs show', () => {
    const text = readFileSync(DOC, 'utf8');
    const [before, rest] = text.split(BEGIN);
    const after = rest?.split(END)[1];
    const expected = `${before}${BEGIN}\n${policyRulesTable(document!)}\n${END}${after ?? '\n'}`;
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    expect(rest).toBeDefined();
    expect(text).toBe(expected);
  });
});
