import { PolicyDocument } from '../domain/policy/policy-document';

/** What each number means, in the words of the rules; the key order is the table's. */
const MEANINGS: readonly [path: string, rule: string, unit: string][] = [
  ['marketingLimit.probation.individual', 'marketing accounts per shop, individual shop in probation', ''],
  ['marketingLimit.probation.business', 'marketing accounts per shop, business shop in probation', ''],
  ['marketingLimit.graduated', 'marketing accounts per shop after probation', ''],
  ['minOwnerAge', "account owner's minimum age", 'years'],
  ['violationLimit', 'eligible while recent guideline violations stay below', ''],
  ['minFollowers.official', 'followers for an official account, at least', ''],
  ['minFollowers.marketing', 'followers for a marketing account, at least', ''],
  ['authorizationWindowHours', 'authorization (invitation) must be accepted within', 'hours'],
  ['requiredScopes.official', 'scopes an official account must grant', ''],
  ['requiredScopes.marketing', 'scopes a marketing account must grant', ''],
  ['marketingLinksPerWindow', 'links of one marketing account across shops, at most', ''],
  ['marketingLinkWindowDays', '... in any window of', 'days'],
  ['unlinkCodeValidityMinutes', 'unlink confirmation code valid for', 'minutes'],
  ['unlinkMaxWrongCodes', 'wrong unlink codes that lock the request', ''],
  ['earliestUnlinkHours', 'earliest unlink after linking (emergency unlink excepted)', 'hours'],
  ['officialUnlinksEver', 'official-account unlinks per shop, ever', ''],
  ['deactivationCoolingDays', 'deactivation: at least this long since the last order closed', 'days'],
  ['stepUpWindowMinutes', 'a sensitive step needs a second factor used within', 'minutes'],
  ['accountClaimGraceSeconds', 'an account claim not matched by a link is abandoned after', 'seconds'],
];

/**
 * The rules table of docs/domain-rules.md, from a policy document: every number with its key in the
 * file, then the supported markets with their currencies and the numbers each one overrides.
 */
export function policyRulesTable(document: PolicyDocument): string {
  const lines = [
    `Policy version \`${document.version}\` (\`libs/shops/src/policy/default-policy.json\`):`,
    '',
    '| rule | key in the policy file | default |',
    '| --- | --- | --- |',
  ];
  for (const [path, rule, unit] of MEANINGS) {
    const value = valueAt(document.defaults, path);
    const shown = Array.isArray(value)
      ? value.map((scope) => `\`${String(scope)}\``).join(', ')
      : `${String(value)}${unit ? ` ${unit}` : ''}`;
    lines.push(`| ${rule} | \`${path}\` | ${shown} |`);
  }
  lines.push('', '| supported market | currency | overrides |', '| --- | --- | --- |');
  for (const [region, market] of Object.entries(document.markets)) {
    const overrides = leaves(market.overrides, '');
    lines.push(`| ${region} | ${market.currency} | ${overrides.length === 0 ? 'none' : overrides.join(', ')} |`);
  }
  return lines.join('\n');
}

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], root);
}

function leaves(value: Record<string, unknown>, prefix: string): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? leaves(inner as Record<string, unknown>, `${prefix}${key}.`)
      : [`\`${prefix}${key}\` ${JSON.stringify(inner)}`],
  );
}
