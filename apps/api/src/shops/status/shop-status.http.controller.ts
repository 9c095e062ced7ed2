import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PastLinksPageSchema, ShopStatusSchema } from './shop-status.schema';
import { GetShopStatus, GetWithdrawals, ListPastLinks } from '@shoplink/shops';
import { ListQueryInput, ValidListQuery } from '../../http/valid-list-query';
import { encodePastLinksCursor } from './past-links-cursor';
import {
  checkPastLinksQuery,
  PAST_LINKS_DEFAULT_LIMIT,
  PAST_LINKS_MAX_LIMIT,
  PastLinksQuery,
  PastLinksRequest,
} from './past-links.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';
import { QueryInput, ValidQuery } from '../../http/query-input';
import { QueryGateway } from '../../messaging/query-gateway';
import { ApiCursor, ApiLimit, ApiMinPosition, ApiReadAnswer, ApiReadRefusals } from '../../http/api-query.decorators';

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

  @Get('links')
  @ApiOperation({
    summary:
      "The shop's ended links (unlinked, refused, denied, expired, cancelled), the latest word on each account, the earliest ended first; the status answer holds the current links and the last 10 ended. Pass nextCursor back as cursor.",
  })
  @ApiQuery({ name: 'state', required: true, enum: ['past'] })
  @ApiLimit(PAST_LINKS_MAX_LIMIT, PAST_LINKS_DEFAULT_LIMIT, 'Links')
  @ApiCursor()
  @ApiMinPosition()
  @ApiReadRefusals({ notFound: 'SHOP_NOT_FOUND' })
  @ApiResponse({ status: 200, description: 'A page of ended links', type: PastLinksPageSchema })
  async pastLinks(@ValidListQuery(PastLinksQuery, checkPastLinksQuery) input: ListQueryInput<PastLinksRequest>) {
    const { limit, after } = input.query;
    const page = await this.queries.ask(new ListPastLinks(input.params.shopId, after, limit), input.minPosition);
    return { shopId: page.shopId, links: page.links, nextCursor: page.last === null ? null : encodePastLinksCursor(page.last) };
  }
}
