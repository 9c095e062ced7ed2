import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountSchema } from './account.schema';
import { GetAccount } from '@shoplink/shops';
import { RequiresScope } from '../auth/route-access.decorator';
import { QueryInput, ValidQuery } from '../http/query-input';
import { QueryGateway } from '../messaging/query-gateway';
import { ApiMinPosition, ApiReadRefusals } from '../http/api-query.decorators';

@ApiTags('accounts')
@RequiresScope('shops:read')
@Controller('v1/accounts')
export class AccountController {
  constructor(private readonly queries: QueryGateway) {}

  @Get(':accountId')
  @ApiOperation({ summary: 'Where a TikTok account is linked and how, its open requests, and its marketing relink allowance' })
  @ApiMinPosition()
  @ApiReadRefusals({ notFound: 'ACCOUNT_NOT_FOUND: no link or request ever named this account' })
  @ApiResponse({ status: 200, description: 'The account', type: AccountSchema })
  account(@ValidQuery() query: QueryInput) {
    return this.queries.ask(new GetAccount(query.params.accountId), query.minPosition);
  }
}
