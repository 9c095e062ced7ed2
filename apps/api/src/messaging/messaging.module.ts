import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandGateway } from './command-gateway';
import { QueryGateway } from './query-gateway';

/**
 * The CommandBus and QueryBus, and the one gateway in front of each that every sender uses. Each
 * bounded context's module puts its library handlers on the buses (see bus-handlers.ts).
 */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [CommandGateway, QueryGateway],
  exports: [CommandGateway, QueryGateway],
})
export class MessagingModule {}
