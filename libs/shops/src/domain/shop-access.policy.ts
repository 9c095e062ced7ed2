import { Actor } from './actor';
import { ShopCommand, ShopCommandType } from './shop.commands';
import { MemberRole } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { RegisteredShop, ShopState } from './shop.state';

/**
 * Who may send which command: the role table of the README, as data. Members act through
 * their role on the shop; systems are internal services acting on their own authority
 * (KYB decides verification, the OAuth relay carries the account owner's answer, the
 * order and payout services report orders and money); support agents do assisted unlinks.
 */
interface Allowed {
  readonly systems: boolean;
  readonly support: boolean;
  readonly memberRoles: readonly MemberRole[];
}

const allow = (memberRoles: readonly MemberRole[], others: { systems?: boolean; support?: boolean } = {}): Allowed => ({
  memberRoles,
  systems: others.systems ?? false,
  support: others.support ?? false,
});
const SYSTEMS_ONLY = allow([], { systems: true });

export const SHOP_ACCESS_TABLE: Readonly<Record<ShopCommandType, Allowed>> = {
  RegisterShop: SYSTEMS_ONLY, // plus the future owner registering their own shop
  SubmitBusinessVerification: allow(['admin']),
  RecordVerificationDecision: SYSTEMS_ONLY,
  GrantAccess: allow(['admin']),
  RevokeAccess: allow(['admin']),
  GraduateFromProbation: SYSTEMS_ONLY,
  RequestLink: allow(['admin', 'operator']), // operators: marketing accounts only
  AnswerLinkAuthorization: SYSTEMS_ONLY,
  CancelLinkRequest: allow(['admin', 'operator']), // operators: marketing accounts only
  ExpireLinkAuthorization: SYSTEMS_ONLY,
  RequestUnlink: allow(['admin', 'operator']), // operators: marketing accounts only
  ConfirmUnlink: allow(['admin', 'operator']), // operators: marketing accounts only
  CancelUnlink: allow(['admin', 'operator']), // operators: marketing accounts only
  ExpireUnlinkRequest: SYSTEMS_ONLY,
  EmergencyUnlink: allow(['admin'], { systems: true }),
  AssistedUnlink: allow([], { support: true }),
  SwitchOfficialAccount: allow(['admin']),
  PlaceOrder: SYSTEMS_ONLY,
  FulfilOrder: allow(['admin', 'operator'], { systems: true }),
  CancelOrder: allow(['admin', 'operator'], { systems: true }),
  CreditFunds: SYSTEMS_ONLY,
  RequestWithdrawal: allow(['admin', 'finance']),
  CompleteWithdrawal: SYSTEMS_ONLY,
  FailWithdrawal: SYSTEMS_ONLY,
  StartCampaign: allow(['admin', 'operator'], { systems: true }),
  EndCampaign: allow(['admin', 'operator'], { systems: true }),
  ReportSecurityIncident: allow(['admin'], { systems: true }),
  ResolveSecurityIncident: SYSTEMS_ONLY,
  DeactivateShop: allow(['admin']),
  ReactivateShop: allow(['admin']),
  // Erasure requests reach Shoplink from the seller or through support's privacy desk.
  ForgetPersonalData: allow(['admin'], { support: true }),
};

/** Commands an operator may send only about marketing accounts. */
const MARKETING_ONLY_FOR_OPERATORS: ReadonlySet<ShopCommandType> = new Set([
  'RequestLink',
  'CancelLinkRequest',
  'RequestUnlink',
  'ConfirmUnlink',
  'CancelUnlink',
]);

export function assertActorMayDecide(state: ShopState, command: ShopCommand, actor: Actor): void {
  if (isAllowed(state, command, actor)) return;
  throw new ShopRuleViolation('FORBIDDEN_ROLE', 'forbidden', `${actor.kind}:${actor.id} may not ${command.type}`, [
    { code: 'FORBIDDEN_ROLE', message: describeAllowed(command.type) },
  ]);
}

function isAllowed(state: ShopState, command: ShopCommand, actor: Actor): boolean {
  const allowed = SHOP_ACCESS_TABLE[command.type];
  if (actor.kind === 'system') return allowed.systems;
  if (actor.kind === 'support') return allowed.support;
  if (command.type === 'RegisterShop') return actor.id === command.data.ownerMemberId;
  if (!state.registered) return false;
  const role = state.members[actor.id];
  if (role === undefined || !allowed.memberRoles.includes(role)) return false;
  if (role === 'operator' && MARKETING_ONLY_FOR_OPERATORS.has(command.type)) return roleConcerned(state, command) === 'marketing';
  return true;
}

/** The role of the account a link or unlink command is about. */
function roleConcerned(shop: RegisteredShop, command: ShopCommand): string | undefined {
  if (command.type === 'RequestLink') return command.data.role;
  if (command.type === 'RequestUnlink' || command.type === 'CancelLinkRequest') return shop.links[command.data.accountId]?.role;
  if (command.type === 'ConfirmUnlink' || command.type === 'CancelUnlink') return shop.unlinkRequests[command.data.requestId]?.role;
  return undefined;
}

function describeAllowed(type: ShopCommandType): string {
  const allowed = SHOP_ACCESS_TABLE[type];
  const who = [
    ...(allowed.systems ? ['system actors'] : []),
    ...(allowed.support ? ['support agents'] : []),
    ...allowed.memberRoles.map((r) => `members with role ${r}`),
  ];
  const operatorNote = MARKETING_ONLY_FOR_OPERATORS.has(type) ? ' (operators: marketing accounts only)' : '';
  return `${type} is allowed to: ${who.join(', ') || 'nobody'}${operatorNote}`;
}
