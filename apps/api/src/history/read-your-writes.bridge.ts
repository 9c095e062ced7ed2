import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Position } from '@shoplink/event-store';
import { ReadYourWrites } from '../http/read-your-writes';

/**
 * The app's one ReadYourWrites, for modules the AppModule imports. It lives in the AppModule
 * beside the projector it waits on, and a second instance would need a second projector, so it
 * is looked up once every provider exists rather than provided again here.
 */
@Injectable()
export class ReadYourWritesBridge implements OnModuleInit {
  private target: ReadYourWrites | null = null;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    this.target = this.moduleRef.get(ReadYourWrites, { strict: false });
  }

  ensure(minPosition: Position | null): Promise<void> {
    if (!this.target) throw new Error('ReadYourWrites is not available before the application has initialised');
    return this.target.ensure(minPosition);
  }
}
