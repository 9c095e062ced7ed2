import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ReadYourWritesQuery } from '../../http/query-input';
import { FieldProblem } from '../../http/validation-failed.error';
import { decodeShopListCursor } from './shop-list-cursor';
import { ShopListFilter } from '@shoplink/shops';

export const SHOP_LIST_DEFAULT_LIMIT = 100;
export const SHOP_LIST_MAX_LIMIT = 500;

const BOOLEAN = ['true', 'false'];

export class ShopListQuery extends ReadYourWritesQuery {
  @IsOptional()
  @IsIn(['active', 'deactivated', 'closed'], { message: 'status must be active, deactivated or closed' })
  status?: string;

  @IsOptional()
  @IsIn(BOOLEAN, { message: 'frozen must be true or false' })
  frozen?: string;

  @IsOptional()
  @IsIn(BOOLEAN, { message: 'awaitingConfirmation must be true or false' })
  awaitingConfirmation?: string;

  @IsOptional()
  @IsIn(BOOLEAN, { message: 'blocked must be true or false' })
  blocked?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,2}$/, { message: `limit must be a whole number from 1 to ${SHOP_LIST_MAX_LIMIT}` })
  limit?: string;

  @IsOptional()
  @IsString()
  cursor?: string;
}

export interface ShopListRequest {
  readonly filter: ShopListFilter;
  readonly limit: number;
  readonly afterShopId: string | null;
}

const flag = (value: string | undefined): boolean | undefined => (value === undefined ? undefined : value === 'true');

export function checkShopListQuery(query: ShopListQuery): { value: ShopListRequest; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const limit = query.limit === undefined ? SHOP_LIST_DEFAULT_LIMIT : Number(query.limit);
  if (limit > SHOP_LIST_MAX_LIMIT)
    problems.push({ field: 'query.limit', code: 'LIMIT_TOO_LARGE', message: `limit must be at most ${SHOP_LIST_MAX_LIMIT}` });
  let afterShopId: string | null = null;
  if (query.cursor !== undefined) {
    afterShopId = decodeShopListCursor(query.cursor);
    if (afterShopId === null)
      problems.push({ field: 'query.cursor', code: 'INVALID_CURSOR', message: 'cursor must be a nextCursor this route answered' });
  }
  const filter: ShopListFilter = {
    status: query.status as ShopListFilter['status'],
    frozen: flag(query.frozen),
    awaitingConfirmation: flag(query.awaitingConfirmation),
    blocked: flag(query.blocked),
  };
  return { value: { filter, limit, afterShopId }, problems };
}
