import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { stringify } from 'yaml';
import { AppConfig } from '../../config/config';
import { Public } from '../../platform/http/roles.decorator';
import { APP_CONFIG } from '../../platform/tokens';
import { asyncApiDocument } from './asyncapi-document';

/**
 * The AsyncAPI 3.0 description of the hub's Kafka topics, for downstream consumers and their tools.
 * Public: it describes the contract, not data.
 */
@Public()
@ApiExcludeController()
@Controller('api')
export class AsyncApiController {
  private readonly document: Record<string, unknown>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.document = asyncApiDocument({ ...config.kafka, brokers: config.kafka.brokers });
  }

  @Get('asyncapi.json')
  json(): Record<string, unknown> {
    return this.document;
  }

  @Get('asyncapi.yaml')
  @Header('content-type', 'application/yaml; charset=utf-8')
  yaml(): string {
    return stringify(this.document, { lineWidth: 0 });
  }
}
