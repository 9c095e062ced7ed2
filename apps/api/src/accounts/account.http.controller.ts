import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GetAccount } from '@shoplink/shops';
import { RequiresScope } from '../auth/route-access.decorator';
import { QueryInput, ValidQuery } from '../http/query-input';
import { QueryGateway } from '../messaging/query-gateway';

@ApiTags('accounts')
@RequiresScope('shops:read')
@Controller('v1/accounts')
export class AccountController {
  constructor(private readonly queries: QueryGateway) {}

  @Get(':accountId')
  @ApiOperation({ summary: 'Where a TikTok account is linked and how, its open requests, and its marketing relink allowance' })
  @ApiQuery({ name: 'minPosition', required: false })
  account(@ValidQuery() query: QueryInput) {
    return this.queries.ask(new GetAccount(query.params.accountId), query.minPosition);
  }
}
