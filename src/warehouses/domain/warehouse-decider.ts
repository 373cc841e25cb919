import { CommandMetadata, Decider } from '../../shared/domain/decider';
import { WarehouseCommand } from './commands';
import { decideResolveDuplicate } from './decide-duplicates';
import { decideResync, decideSyncResult } from './decide-kingdee';
import { decideAdopt, decideKingdeeFindings, decideResolveFinding } from './decide-reconciliation';
import { decideFlagMissing, decideObservation } from './decide-observation';
import { decideOverride, decideRemoveOverride, decideRestore, decideRetire } from './decide-stewardship';
import { WarehouseEvent } from './events';
import { evolve } from './evolve';
import { WarehouseState, initialState } from './state';
import { SurvivorshipPolicy, defaultSurvivorshipPolicy } from './survivorship';

export type WarehouseDecider = Decider<WarehouseCommand, WarehouseEvent, WarehouseState>;

/** The golden-record decider; the survivorship policy is configuration, not code. */
export function createWarehouseDecider(policy: SurvivorshipPolicy = defaultSurvivorshipPolicy): WarehouseDecider {
  const decide = (command: WarehouseCommand, state: WarehouseState, meta: CommandMetadata): readonly WarehouseEvent[] => {
    switch (command.type) {
      case 'RecordWdtObservation':
        return decideObservation(command, state, meta, policy);
      case 'FlagMissingInWdt':
        return decideFlagMissing(command, state);
      case 'OverrideField':
        return decideOverride(command, state, meta, policy);
      case 'RemoveOverride':
        return decideRemoveOverride(command, state, policy);
      case 'RetireGoldenRecord':
        return decideRetire(command, state, meta);
      case 'RestoreGoldenRecord':
        return decideRestore(command, state, meta, policy);
      case 'ResolveDuplicate':
        return decideResolveDuplicate(command, state, meta, policy);
      case 'RecordKingdeeSyncResult':
        return decideSyncResult(command, state);
      case 'RequestKingdeeResync':
        return decideResync(command, state);
      case 'RecordKingdeeFindings':
        return decideKingdeeFindings(command, state);
      case 'ResolveKingdeeFinding':
        return decideResolveFinding(command, state, meta, policy);
      case 'AdoptKingdeeRecord':
        return decideAdopt(command, state);
    }
  };
  return { initialState, decide, evolve };
}

export const warehouseDecider = createWarehouseDecider();
