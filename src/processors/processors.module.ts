import { Module } from '@nestjs/common';
import { ProcessorsController } from './processors.controller';
import { SkipProcessorEventHandler } from './skip-processor-event.handler';

/** Admin actions on processors (skip a poison event, a command on the CommandBus); finds the app's processors through the ProcessorSupervisor. */
@Module({
  controllers: [ProcessorsController],
  providers: [SkipProcessorEventHandler],
  exports: [SkipProcessorEventHandler],
})
export class ProcessorsModule {}
