import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { marketingRelinkAllowance } from '@shoplink/accounts';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { ACCOUNTS_COLLECTION, AccountDocument, ShopPolicy, ShopRuleViolation } from '@shoplink/shops';
import { QueryInput, ReadYourWrites, ValidQuery } from '../http/read-your-writes';
import { SHOP_POLICY } from '../storage/tokens';
import { RequiresScope } from '../auth/route-access.decorator';

@ApiTags('accounts')
@RequiresScope('shops:read')
@Controller('v1/accounts')
export class AccountController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SHOP_POLICY) private readonly policy: ShopPolicy,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':accountId')
  @ApiOperation({ summary: 'Where a TikTok account is linked and how, its open requests, and its marketing relink allowance' })
  @ApiQuery({ name: 'minPosition', required: false })
  async account(@ValidQuery() query: QueryInput) {
    await this.readYourWrites.ensure(query.minPosition);
    const doc = (await this.readModels.get(ACCOUNTS_COLLECTION, query.params.accountId)) as AccountDocument | null;
    if (doc === null)
      throw new ShopRuleViolation('ACCOUNT_NOT_FOUND', 'not_found', `Shoplink has never seen account ${query.params.accountId}`);
    // The allowance depends on today's date, so it is computed here rather than stored in the document.
    return { ...doc, marketingLinkAllowance: marketingRelinkAllowance(doc.linkHistory, this.clock.now(), this.policy) };
  }
}
