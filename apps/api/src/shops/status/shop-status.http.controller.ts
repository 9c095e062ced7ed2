import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ShopStatusSchema } from './shop-status.schema';
import { GetShopStatus, GetWithdrawals } from '@shoplink/shops';
import { RequiresScope } from '../../auth/route-access.decorator';
import { QueryInput, ValidQuery } from '../../http/query-input';
import { QueryGateway } from '../../messaging/query-gateway';
import { ApiMinPosition, ApiReadAnswer, ApiReadRefusals } from '../../http/api-query.decorators';

@ApiTags('shops')
@RequiresScope('shops:read')
@Controller('v1/shops/:shopId')
export class ShopStatusController {
  constructor(private readonly queries: QueryGateway) {}

  @Get()
  @ApiOperation({
    summary:
      'The shop status read model: verification, stage, links with state and reason codes, open link and unlink requests, money, orders, campaigns, and the live blockers for unlinking the official account and for deactivating',
  })
  @ApiMinPosition()
  @ApiReadRefusals({ notFound: 'SHOP_NOT_FOUND' })
  @ApiResponse({ status: 200, description: 'The shop status', type: ShopStatusSchema })
  status(@ValidQuery() query: QueryInput) {
    return this.queries.ask(new GetShopStatus(query.params.shopId), query.minPosition);
  }

  @Get('withdrawals')
  @ApiOperation({ summary: "The shop's withdrawals and their state, oldest id first" })
  @ApiMinPosition()
  @ApiReadRefusals({ notFound: 'SHOP_NOT_FOUND' })
  @ApiReadAnswer("The shop's withdrawals: shopId, withdrawals [{ withdrawalId, amount, state, ... }], position")
  withdrawals(@ValidQuery() query: QueryInput) {
    return this.queries.ask(new GetWithdrawals(query.params.shopId), query.minPosition);
  }
}
