import { decideIncidents } from './decide-incidents';
import { decideMoney } from './decide-money';
import { decideOrdersAndCampaigns } from './decide-orders-and-campaigns';
import { decideShopLifecycle } from './decide-shop-lifecycle';
import { ShopDecisionContext } from './shop-decision-context';
import {
  CancelOrder,
  CompleteWithdrawal,
  CreditFunds,
  DeactivateShop,
  EndCampaign,
  FailWithdrawal,
  ForgetPersonalData,
  FulfilOrder,
  PlaceOrder,
  ReactivateShop,
  ReportSecurityIncident,
  RequestWithdrawal,
  ResolveSecurityIncident,
  StartCampaign,
} from './shop.commands';
import { ShopEvent } from './shop.events';
import { RegisteredShop } from './shop.state';

export type OperationCommand =
  | PlaceOrder
  | FulfilOrder
  | CancelOrder
  | CreditFunds
  | RequestWithdrawal
  | CompleteWithdrawal
  | FailWithdrawal
  | StartCampaign
  | EndCampaign
  | ReportSecurityIncident
  | ResolveSecurityIncident
  | DeactivateShop
  | ReactivateShop
  | ForgetPersonalData;

/**
 * Orders, money, campaigns, security incidents and leaving TikTok Shop, decided after
 * `decideShop` has checked the actor's access. Refusals throw a ShopRuleViolation; an
 * empty list is a success that records nothing (a settlement credited again).
 */
export function decideOperations(shop: RegisteredShop, command: OperationCommand, ctx: ShopDecisionContext): ShopEvent[] {
  switch (command.type) {
    case 'CreditFunds':
    case 'RequestWithdrawal':
    case 'CompleteWithdrawal':
    case 'FailWithdrawal':
      return decideMoney(shop, command, ctx);
    case 'PlaceOrder':
    case 'FulfilOrder':
    case 'CancelOrder':
    case 'StartCampaign':
    case 'EndCampaign':
      return decideOrdersAndCampaigns(shop, command, ctx);
    case 'ReportSecurityIncident':
    case 'ResolveSecurityIncident':
      return decideIncidents(shop, command, ctx);
    case 'DeactivateShop':
    case 'ReactivateShop':
    case 'ForgetPersonalData':
      return decideShopLifecycle(shop, command, ctx);
  }
}
