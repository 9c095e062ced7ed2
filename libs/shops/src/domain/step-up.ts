import { ActorProof } from './actor-proof';
import { Actor } from './actor';
import { ShopCommand } from './shop.commands';
import { ShopPolicy } from './shop-policy';
import { ShopRuleViolation } from './shop-rule-violation';
import { RegisteredShop } from './shop.state';
import { entryOf } from './id-table';

/**
 * The steps a person may take only with a recent second factor (step-up): unlinking or switching the
 * official account, withdrawing money, granting admin, leaving TikTok Shop, closing the shop, erasing personal data.
 * Names the step, or null when the command is not one. Services (system actors) bring no assertion:
 * their token and the access table are their proof.
 */
export function sensitiveStep(shop: RegisteredShop, command: ShopCommand): string | null {
  switch (command.type) {
    case 'RequestUnlink':
    case 'EmergencyUnlink':
    case 'AssistedUnlink':
      return linkRole(shop, command.data.accountId) === 'official' ? 'unlinking the official account' : null;
    case 'ConfirmUnlink': {
      const request = entryOf(shop.unlinkRequests, command.data.requestId);
      return request?.role === 'official' ? 'unlinking the official account' : null;
    }
    case 'SwitchOfficialAccount':
      return 'switching the official account';
    case 'RequestWithdrawal':
      return 'withdrawing money';
    case 'GrantAccess':
      return command.data.role === 'admin' ? 'granting admin' : null;
    case 'DeactivateShop':
      return 'leaving TikTok Shop';
    case 'ForgetPersonalData':
      return 'erasing personal data';
    case 'CloseShop':
      return 'closing the shop';
    default:
      return null;
  }
}

/** Refuses a sensitive step by a person without a second factor used within the policy's window (STEP_UP_REQUIRED). */
export function assertSteppedUp(
  shop: RegisteredShop,
  command: ShopCommand,
  actor: Actor,
  proof: ActorProof | undefined,
  policy: ShopPolicy,
): void {
  if (actor.kind === 'system') return;
  const step = sensitiveStep(shop, command);
  if (step === null) return;
  const maxAgeSeconds = policy.stepUpWindowMinutes * 60;
  const age = proof?.secondFactorAgeSeconds ?? null;
  if (age !== null && age <= maxAgeSeconds) return;
  const why =
    proof === undefined
      ? 'no actor assertion was presented'
      : age === null
        ? `the assertion's methods (${proof.amr.join(', ')}) hold no second factor`
        : `the second factor was used ${Math.round(age)} s ago`;
  const message = `${step} needs an actor assertion whose amr includes a second factor (otp, hwk, swk, sms…) used at most ${maxAgeSeconds} s ago; ${why}`;
  throw new ShopRuleViolation('STEP_UP_REQUIRED', 'step_up', message, [{ code: 'STEP_UP_REQUIRED', message }]);
}

function linkRole(shop: RegisteredShop, accountId: string): string | undefined {
  return entryOf(shop.links, accountId)?.role;
}
