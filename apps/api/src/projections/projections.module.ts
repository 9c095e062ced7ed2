import { DynamicModule, Global, Module } from '@nestjs/common';
import { PROJECTION_PROGRESS } from './projection-progress';
import { ReadYourWrites } from './read-your-writes';
import { ShopProjectorService } from './shop-projector.service';
import { StoredCheckpointProgress } from './stored-checkpoint-progress';

/**
 * The read models' progress, and read-your-writes waiting on it. Embedded: this process runs the
 * projector. Otherwise (`runProjector: false`) the projector process (apps/projector) keeps the read
 * models and read-your-writes watches the checkpoint it commits.
 */
@Global()
@Module({})
export class ProjectionsModule {
  static forRoot(runProjector: boolean): DynamicModule {
    const progress = runProjector
      ? [ShopProjectorService, { provide: PROJECTION_PROGRESS, useExisting: ShopProjectorService }]
      : [StoredCheckpointProgress, { provide: PROJECTION_PROGRESS, useExisting: StoredCheckpointProgress }];
    return { module: ProjectionsModule, providers: [...progress, ReadYourWrites], exports: [PROJECTION_PROGRESS, ReadYourWrites] };
  }
}
