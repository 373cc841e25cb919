import { Command } from '@nestjs/cqrs';
import type { IntegrationScheme } from '../../contracts/integration-scheme';
import { SchemeRuntimeState } from './scheme-events';

/** An admin switches the scheme on: the sink writes its batches again. */
export class EnableSchemeCommand extends Command<SchemeRuntimeState> {
  constructor(
    readonly name: string,
    readonly actor: string,
    readonly reason?: string,
  ) {
    super();
  }
}

/** An admin switches the scheme off: the sink leaves its batches uncommitted until it is enabled. */
export class DisableSchemeCommand extends Command<SchemeRuntimeState> {
  constructor(
    readonly name: string,
    readonly actor: string,
    readonly reason?: string,
  ) {
    super();
  }
}

export interface MappingRecorded {
  readonly changed: boolean;
  readonly previousHash: string | null;
  readonly state: SchemeRuntimeState;
}

/** The loaded scheme's mapping, recorded when it differs from the last one recorded (an auditable change). */
export class RecordSchemeMappingCommand extends Command<MappingRecorded> {
  constructor(
    readonly scheme: IntegrationScheme,
    readonly actor: string,
  ) {
    super();
  }
}
