import { LinkRole, MemberRole, ShopKind, ShopStage, ShopStatus, VerificationStatus } from './shop.events';

/** A link the shop holds or is waiting on. Rejected, denied and expired attempts leave no entry. */
export interface ShopLink {
  readonly accountId: string;
  readonly handle: string;
  readonly role: LinkRole;
  readonly state: 'awaiting_authorization' | 'linked';
  readonly requestedAt: string;
  readonly authorizationExpiresAt: string;
  readonly linkedAt: string | null;
}

export interface RegisteredShop {
  readonly registered: true;
  readonly shopId: string;
  readonly name: string;
  readonly region: string;
  readonly currency: string;
  readonly kind: ShopKind;
  readonly stage: ShopStage;
  readonly status: ShopStatus;
  readonly verification: VerificationStatus;
  readonly ownerMemberId: string;
  readonly members: Readonly<Record<string, MemberRole>>;
  readonly links: Readonly<Record<string, ShopLink>>;
}

export type ShopState = { readonly registered: false } | RegisteredShop;

export const initialShopState: ShopState = { registered: false };
