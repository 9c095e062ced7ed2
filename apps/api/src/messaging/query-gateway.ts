import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryMessage } from '@shoplink/command-handling';
import { Position } from '@shoplink/event-store';
import { ReadYourWrites } from '../projections/read-your-writes';

/**
 * The one path of every query: a caller that names a command answer's position first waits (bounded)
 * until the read models include it, then the QueryBus carries the query to its handler.
 */
@Injectable()
export class QueryGateway {
  constructor(
    private readonly bus: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async ask<R>(query: QueryMessage<R>, minPosition: Position | null = null): Promise<R> {
    await this.readYourWrites.ensure(minPosition);
    return this.bus.execute<QueryMessage<R>, R>(query);
  }
}
