import { PersonalDataMap } from '@shoplink/personal-data';
import { personalFieldsOf } from '../domain/personal-data';

const SHOP_STREAM_PREFIX = 'shop-';

/** Which fields of shop events are personal (domain/personal-data.ts), sealed with the key of the shop whose stream holds them. */
export const SHOP_PERSONAL_DATA: PersonalDataMap = {
  fieldsOf: personalFieldsOf,
  ownerOf: (streamId, data) =>
    streamId.startsWith(SHOP_STREAM_PREFIX)
      ? streamId.slice(SHOP_STREAM_PREFIX.length)
      : typeof data.shopId === 'string'
        ? data.shopId
        : null,
};
