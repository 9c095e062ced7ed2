import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { ReadYourWritesBridge } from '../history/read-your-writes.bridge';
import { SHOP_LIST_INDEXES } from './shop-list.query';
import { ShopListReader } from './shop-list-reader';
import { ShopListsController } from './shop-lists.http.controller';

/**
 * GET /v1/shops: operational lists over the shop status read model, each filter served by an
 * index this module declares at start-up.
 */
@Module({ controllers: [ShopListsController], providers: [ShopListReader, ReadYourWritesBridge] })
export class ShopListsModule implements OnModuleInit {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore) {}

  async onModuleInit(): Promise<void> {
    await this.readModels.ensureIndexes(SHOP_LIST_INDEXES);
  }
}
