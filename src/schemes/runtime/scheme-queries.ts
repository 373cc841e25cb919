import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ConfiguredScheme } from './configured-scheme';
import { SchemeRuntimeState } from './scheme-events';
import { SchemeState } from './scheme-state';

/** `GET /api/v1/schemes`: the scheme this hub runs, with its switch and mapping hash. */
export class ListSchemesQuery extends Query<SchemeRuntimeState[]> {}

@QueryHandler(ListSchemesQuery)
export class ListSchemesHandler implements IQueryHandler<ListSchemesQuery> {
  constructor(
    private readonly state: SchemeState,
    private readonly configured: ConfiguredScheme,
  ) {}

  async execute(): Promise<SchemeRuntimeState[]> {
    return [await this.state.read((await this.configured.get()).name)];
  }
}
