import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { WarehouseState, exists, isRetired } from './state';

/** The golden id of an existing record, or `not_found`. */
export function requireExisting(state: WarehouseState): string {
  if (!exists(state)) throw new DomainError(ErrorCode.notFound, 'no such golden record');
  return state.goldenId!;
}

/** An existing record that has not been retired (or merged away), or `invalid_state`. */
export function requireActive(state: WarehouseState): string {
  const goldenId = requireExisting(state);
  if (isRetired(state)) {
    const where = state.mergedInto ? `; it was merged into ${state.mergedInto}` : '';
    throw new DomainError(ErrorCode.invalidState, `golden record ${goldenId} is retired${where}`, {
      goldenId,
      mergedInto: state.mergedInto,
    });
  }
  return goldenId;
}
