import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOP_ACCESS_TABLE, SYSTEM_ACTORS } from './shop-access.policy';
import { ShopCommandType } from './shop.commands';

/**
 * docs/access-table.md is generated from the access table the service enforces, so the docs can
 * never say otherwise: this spec fails when they differ. `npm run docs:access-table` rewrites it.
 */
const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'access-table.md');

function rendered(): string {
  const roles = ['admin', 'finance', 'operator', 'viewer'] as const;
  const rows = (Object.keys(SHOP_ACCESS_TABLE) as ShopCommandType[]).map((command) => {
    const allowed = SHOP_ACCESS_TABLE[command];
    // RegisterShop: the member named as the owner in the body registers their own shop (see isAllowed).
    const owner = command === 'RegisterShop' ? 'the owner named in the body' : '';
    const cells = [
      command,
      ...roles.map((role) => (allowed.memberRoles.includes(role) ? '✓' : role === 'admin' ? owner : '')),
      allowed.support ? '✓' : '',
      allowed.systems.map((name) => `system:${name}`).join(', '),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    '# Who may send which command',
    '',
    'Generated from `SHOP_ACCESS_TABLE` and `SYSTEM_ACTORS` (`libs/shops/src/domain/shop-access.policy.ts`) by',
    '`npm run docs:access-table`; a unit test fails when this page and the code differ.',
    '',
    'A command is decided only when the calling service’s token grants the actor named in `X-Actor`',
    '(`actors` claim) and this table allows that actor. Members act through their role on the shop (the',
    'owner is admin); operators may send link and unlink commands about marketing accounts only. Members',
    'and support agents are proven by an actor assertion; the sensitive steps need a second factor (see',
    '[the trust boundary](trust-boundary.md)).',
    '',
    '| command | admin | finance | operator | viewer | support | system actors |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## System actors',
    '',
    'The internal services that act on their own authority, by the actor their token is granted:',
    '',
    '| actor | service |',
    '| --- | --- |',
    ...Object.entries(SYSTEM_ACTORS).map(([name, description]) => `| \`system:${name}\` | ${description} |`),
    '',
  ].join('\n');
}

describe('docs/access-table.md', () => {
  it('is the access table the service enforces', () => {
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, rendered());
    expect(readFileSync(DOC, 'utf8')).toBe(rendered());
  });
});
