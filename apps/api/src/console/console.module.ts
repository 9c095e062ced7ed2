import { Module } from '@nestjs/common';
import { ConsoleController } from './console.http.controller';

/** The auditor's console: a page served by the API, reading only through the API's own routes. */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
