import { RegisteredShop } from './shop.state';
import { mappedTable } from './id-table';

/**
 * What Shoplink holds that is personal, and where: the fields sealed with the shop's key on
 * their way into the log (libs/personal-data), which read as ERASED_PERSONAL_VALUE once the
 * shop's personal data is forgotten.
 *
 * - a TikTok account's handle (a personal account's handle names a person) and its owner's
 *   age, in the profile snapshot of AccountLinkRequested and AccountLinkRejected, and the
 *   handle copied into AccountLinked and AccountUnlinked;
 * - the shop's name when the shop is an individual seller's (it is usually the person's name).
 *
 * Not personal, so kept in the clear: ids (shop, member, account, order, …: pseudonymous
 * references to records held elsewhere), business shop names, regions, follower counts,
 * standing, money, reasons and scopes. Free text (incident descriptions, verification
 * rejection reasons) must not carry personal data; the API documentation says so.
 */
export type PersonalFieldPath = readonly string[];

const PROFILE_FIELDS: readonly PersonalFieldPath[] = [
  ['profile', 'handle'],
  ['profile', 'ownerAge'],
];
const HANDLE: readonly PersonalFieldPath[] = [['handle']];
const NONE: readonly PersonalFieldPath[] = [];

export function personalFieldsOf(type: string, data: { readonly [key: string]: unknown }): readonly PersonalFieldPath[] {
  switch (type) {
    case 'AccountLinkRequested':
    case 'AccountLinkRejected':
      return PROFILE_FIELDS;
    case 'AccountLinked':
    case 'AccountUnlinked':
      return HANDLE;
    case 'ShopRegistered':
      return data.kind === 'individual' ? [['name']] : NONE;
    default:
      return NONE;
  }
}

/** How a personal value reads once forgotten; the vault (libs/personal-data ERASED) shows the same. */
export const ERASED_PERSONAL_VALUE = '[erased]';

/** The state after PersonalDataForgotten: what it kept of personal fields reads as erased, as a replay of the erased log would give. */
export function erasePersonalData(shop: RegisteredShop): RegisteredShop {
  const links = mappedTable(shop.links, (link) => ({ ...link, handle: ERASED_PERSONAL_VALUE }));
  return { ...shop, name: shop.kind === 'individual' ? ERASED_PERSONAL_VALUE : shop.name, links };
}
