import { Inject, Injectable } from '@nestjs/common';
import { Position } from '@shoplink/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';
import { PROJECTION_PROGRESS, ProjectionProgress } from './projection-progress';

/** The read model did not reach the asked position in time: answered 503 with Retry-After, never a stale document. */
export class ReadModelBehindError extends Error {
  readonly code = 'READ_MODEL_BEHIND';
  constructor() {
    super('The read model has not caught up with the requested position yet; retry shortly');
  }
}

@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensure(minPosition: Position | null): Promise<void> {
    if (minPosition === null) return;
    if (!(await this.progress.waitFor(minPosition, this.config.readYourWritesTimeoutMs))) throw new ReadModelBehindError();
  }
}
