import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { SHOP_STATUS_COLLECTION, ShopRuleViolation } from '@shoplink/shops';
import { QueryInput, ReadYourWrites, ValidQuery } from '../../http/read-your-writes';

@ApiTags('shops')
@Controller('v1/shops')
export class ShopStatusController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':shopId')
  @ApiOperation({ summary: 'The shop status read model: verification, stage, links with state and reason codes, open link requests' })
  @ApiQuery({ name: 'minPosition', required: false, description: "Wait until the read model includes this command answer's position" })
  async status(@ValidQuery() query: QueryInput) {
    await this.readYourWrites.ensure(query.minPosition);
    const doc = await this.readModels.get(SHOP_STATUS_COLLECTION, query.params.shopId);
    if (doc === null) throw new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', `No shop ${query.params.shopId}`);
    return doc;
  }
}
