import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ListShops } from '@shoplink/shops';
import { ListQueryInput, ValidListQuery } from '../../http/valid-list-query';
import { encodeShopListCursor } from './shop-list-cursor';
import { QueryGateway } from '../../messaging/query-gateway';
import { checkShopListQuery, SHOP_LIST_DEFAULT_LIMIT, SHOP_LIST_MAX_LIMIT, ShopListQuery, ShopListRequest } from './shop-lists.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';
import { ApiCursor, ApiLimit, ApiMinPosition, ApiReadAnswer, ApiReadRefusals } from '../../http/api-query.decorators';

@ApiTags('shops')
@RequiresScope('shops:read')
@Controller('v1/shops')
export class ShopListsController {
  constructor(private readonly queries: QueryGateway) {}

  @Get()
  @ApiOperation({
    summary:
      'Operational lists across shops, in shopId order, filters ANDed: status, frozen money, unlinks awaiting their code, blocked from deactivation now ' +
      '(an active shop with a standing blocker, in its cooling period, or with a link request still awaiting authorization). Pass nextCursor back as cursor.',
  })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'deactivated', 'closed'] })
  @ApiQuery({ name: 'frozen', required: false, enum: ['true', 'false'], description: 'Money frozen by an open security incident' })
  @ApiQuery({
    name: 'awaitingConfirmation',
    required: false,
    enum: ['true', 'false'],
    description: 'An unlink request awaits its confirmation code',
  })
  @ApiQuery({
    name: 'blocked',
    required: false,
    enum: ['true', 'false'],
    description: 'Blocked from deactivation now; either value lists active shops only',
  })
  @ApiLimit(SHOP_LIST_MAX_LIMIT, SHOP_LIST_DEFAULT_LIMIT, 'Shops')
  @ApiCursor()
  @ApiMinPosition()
  @ApiReadRefusals()
  @ApiReadAnswer('A page of shops: shops [shop summaries], nextCursor (null on the last page)')
  async list(@ValidListQuery(ShopListQuery, checkShopListQuery) input: ListQueryInput<ShopListRequest>) {
    const { filter, afterShopId, limit } = input.query;
    const { shops, lastShopId } = await this.queries.ask(new ListShops(filter, afterShopId, limit), input.minPosition);
    return { shops, nextCursor: lastShopId === null ? null : encodeShopListCursor(lastShopId) };
  }
}
