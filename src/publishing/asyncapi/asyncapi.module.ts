import { Module } from '@nestjs/common';
import { AsyncApiController } from './asyncapi.controller';

/** Serves the AsyncAPI document at /api/asyncapi.json and /api/asyncapi.yaml. */
@Module({ controllers: [AsyncApiController] })
export class AsyncApiModule {}
