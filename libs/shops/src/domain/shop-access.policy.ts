import { Actor } from './actor';
import { ShopCommand, ShopCommandType } from './shop.commands';
import { MemberRole } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { ShopState } from './shop.state';

/**
 * Who may send which command: the role table of the README, as data. Systems are
 * internal services acting on their own authority (KYB decides verification, the
 * OAuth relay carries the account owner's answer); members act through their role.
 */
type Allowed = { readonly systems: boolean; readonly memberRoles: readonly MemberRole[] };

export const SHOP_ACCESS_TABLE: Readonly<Record<ShopCommandType, Allowed>> = {
  RegisterShop: { systems: true, memberRoles: [] }, // plus the future owner registering their own shop
  SubmitBusinessVerification: { systems: false, memberRoles: ['admin'] },
  RecordVerificationDecision: { systems: true, memberRoles: [] },
  GrantAccess: { systems: false, memberRoles: ['admin'] },
  RevokeAccess: { systems: false, memberRoles: ['admin'] },
  GraduateFromProbation: { systems: true, memberRoles: [] },
  RequestLink: { systems: false, memberRoles: ['admin', 'operator'] }, // operators: marketing accounts only
  AnswerLinkAuthorization: { systems: true, memberRoles: [] },
  ExpireLinkAuthorization: { systems: true, memberRoles: [] },
};

export function assertActorMayDecide(state: ShopState, command: ShopCommand, actor: Actor): void {
  if (isAllowed(state, command, actor)) return;
  throw new ShopRuleViolation('FORBIDDEN_ROLE', 'forbidden', `${actor.kind}:${actor.id} may not ${command.type}`, [
    { code: 'FORBIDDEN_ROLE', message: describeAllowed(command.type) },
  ]);
}

function isAllowed(state: ShopState, command: ShopCommand, actor: Actor): boolean {
  const allowed = SHOP_ACCESS_TABLE[command.type];
  if (actor.kind === 'system') return allowed.systems;
  if (actor.kind !== 'member') return false;
  if (command.type === 'RegisterShop') return actor.id === command.data.ownerMemberId;
  if (!state.registered) return false;
  const role = state.members[actor.id];
  if (role === undefined || !allowed.memberRoles.includes(role)) return false;
  if (command.type === 'RequestLink' && role === 'operator') return command.data.role === 'marketing';
  return true;
}

function describeAllowed(type: ShopCommandType): string {
  const allowed = SHOP_ACCESS_TABLE[type];
  const who = [...(allowed.systems ? ['system actors'] : []), ...allowed.memberRoles.map((r) => `members with role ${r}`)];
  return `${type} is allowed to: ${who.join(', ') || 'nobody'}`;
}
