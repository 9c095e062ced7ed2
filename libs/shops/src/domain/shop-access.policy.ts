import { Actor } from './actor';
import { ShopCommand, ShopCommandType } from './shop.commands';
import { MemberRole } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { RegisteredShop, ShopState } from './shop.state';
import { entryOf } from './id-table';

/**
 * The internal services that act on their own authority, by the system actor each asserts
 * (`system:<name>`). A deployment gives each service's token the actors it may assert; this table
 * says what each may send at all.
 */
export const SYSTEM_ACTORS = {
  onboarding: 'seller onboarding: registers shops and moves them out of probation',
  kyb: 'the KYB service: decides business verification',
  'oauth-relay': "the OAuth relay: carries an account owner's answer to a link request",
  expiry: 'Shoplink itself: expires link authorizations and unlink codes nobody answered',
  links: "Shoplink itself: closes other shops' pending requests of an account once it is linked",
  orders: 'the order service: orders placed, fulfilled, cancelled; refunds, returns and disputes opened and settled',
  payouts: 'the payout service: settlements credited, payouts completed or failed',
  ads: 'the ads service: campaigns started and ended',
  security: 'the security service: incidents reported and resolved, emergency unlinks',
  'trust-and-safety': 'trust and safety: unlinks for policy violations, shop restrictions and their lifting, closures',
} as const;

export type SystemActor = keyof typeof SYSTEM_ACTORS;

/**
 * Who may send which command: the role table of the docs, as data. Members act through their role
 * on the shop; system actors are the internal services above, each allowed its own commands; support
 * agents do assisted unlinks, deactivations on the seller's behalf and erasure.
 */
interface Allowed {
  readonly systems: readonly SystemActor[];
  readonly support: boolean;
  readonly memberRoles: readonly MemberRole[];
}

const allow = (memberRoles: readonly MemberRole[], others: { systems?: readonly SystemActor[]; support?: boolean } = {}): Allowed => ({
  memberRoles,
  systems: others.systems ?? [],
  support: others.support ?? false,
});
const systemsOnly = (...systems: SystemActor[]): Allowed => allow([], { systems });

export const SHOP_ACCESS_TABLE: Readonly<Record<ShopCommandType, Allowed>> = {
  RegisterShop: systemsOnly('onboarding'), // plus the future owner registering their own shop
  SubmitBusinessVerification: allow(['admin']),
  RecordVerificationDecision: systemsOnly('kyb'),
  GrantAccess: allow(['admin']),
  RevokeAccess: allow(['admin']),
  GraduateFromProbation: systemsOnly('onboarding'),
  RequestLink: allow(['admin', 'operator']), // operators: marketing accounts only
  AnswerLinkAuthorization: systemsOnly('oauth-relay'),
  CancelLinkRequest: allow(['admin', 'operator']), // operators: marketing accounts only
  SupersedeLinkRequest: systemsOnly('links'),
  ExpireLinkAuthorization: systemsOnly('expiry'),
  RequestUnlink: allow(['admin', 'operator']), // operators: marketing accounts only
  ConfirmUnlink: allow(['admin', 'operator']), // operators: marketing accounts only
  CancelUnlink: allow(['admin', 'operator']), // operators: marketing accounts only
  ExpireUnlinkRequest: systemsOnly('expiry'),
  EmergencyUnlink: allow(['admin'], { systems: ['security'] }),
  AssistedUnlink: allow([], { support: true }),
  SwitchOfficialAccount: allow(['admin']),
  PlaceOrder: systemsOnly('orders'),
  FulfilOrder: allow(['admin', 'operator'], { systems: ['orders'] }),
  CancelOrder: allow(['admin', 'operator'], { systems: ['orders'] }),
  CreditFunds: systemsOnly('payouts'),
  RequestWithdrawal: allow(['admin', 'finance']),
  CompleteWithdrawal: systemsOnly('payouts'),
  FailWithdrawal: systemsOnly('payouts'),
  StartCampaign: allow(['admin', 'operator'], { systems: ['ads'] }),
  EndCampaign: allow(['admin', 'operator'], { systems: ['ads'] }),
  ReportSecurityIncident: allow(['admin'], { systems: ['security'] }),
  ResolveSecurityIncident: systemsOnly('security'),
  // Support deactivates on the seller's behalf, naming the ticket (the decider refuses it without one).
  DeactivateShop: allow(['admin'], { support: true }),
  ReactivateShop: allow(['admin']),
  // Erasure is irreversible: a proven support agent (the privacy desk) carries it out, with a ticket.
  ForgetPersonalData: allow([], { support: true }),
  // Enforcement is trust and safety's own authority, never a member's nor an agent's.
  EnforceUnlink: systemsOnly('trust-and-safety'),
  RestrictShop: systemsOnly('trust-and-safety'),
  LiftShopRestriction: systemsOnly('trust-and-safety'),
  CloseShop: allow(['admin'], { systems: ['trust-and-safety'] }),
  // The order service is the authority on refunds, returns and disputes: a seller settling its own would lift a closure blocker.
  OpenAfterSalesCase: systemsOnly('orders'),
  SettleAfterSalesCase: systemsOnly('orders'),
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
  if (actor.kind === 'system') return (allowed.systems as readonly string[]).includes(actor.id);
  if (actor.kind === 'support') return allowed.support;
  if (command.type === 'RegisterShop') return actor.id === command.data.ownerMemberId;
  if (!state.registered) return false;
  const role = entryOf(state.members, actor.id);
  if (role === undefined || !allowed.memberRoles.includes(role)) return false;
  if (role === 'operator' && MARKETING_ONLY_FOR_OPERATORS.has(command.type)) return roleConcerned(state, command) === 'marketing';
  return true;
}

/** The role of the account a link or unlink command is about. */
function roleConcerned(shop: RegisteredShop, command: ShopCommand): string | undefined {
  if (command.type === 'RequestLink') return command.data.role;
  if (command.type === 'RequestUnlink' || command.type === 'CancelLinkRequest') return entryOf(shop.links, command.data.accountId)?.role;
  if (command.type === 'ConfirmUnlink' || command.type === 'CancelUnlink')
    return entryOf(shop.unlinkRequests, command.data.requestId)?.role;
  return undefined;
}

function describeAllowed(type: ShopCommandType): string {
  const allowed = SHOP_ACCESS_TABLE[type];
  const who = [
    ...allowed.systems.map((name) => `system:${name}`),
    ...(allowed.support ? ['support agents'] : []),
    ...allowed.memberRoles.map((r) => `members with role ${r}`),
  ];
  const operatorNote = MARKETING_ONLY_FOR_OPERATORS.has(type) ? ' (operators: marketing accounts only)' : '';
  return `${type} is allowed to: ${who.join(', ') || 'nobody'}${operatorNote}`;
}
