import assert from 'node:assert/strict';
import { CommandMetadata, Decider } from '../../src/shared/domain/decider';
import { DomainError } from '../../src/shared/domain/domain-error';

/**
 * given/when/then for deciders (docs/architecture.md):
 *   spec.given([...events]).when(command).then([...expected])
 *   spec.given([...events]).when(command).thenThrows('validation_failed')
 *   spec.given([...events]).when(command).thenEvents((events, state) => ...)   // custom assertions
 * `then` also folds the new events to prove evolve accepts what decide produced.
 */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>, defaultMetadata: () => CommandMetadata) {
  return {
    given(history: readonly E[]) {
      const state = history.reduce(decider.evolve, decider.initialState());
      return {
        state,
        when(command: C, metadata: CommandMetadata = defaultMetadata()) {
          const run = () => decider.decide(command, state, metadata);
          return {
            then(expected: readonly E[]): readonly E[] {
              const events = run();
              assert.deepEqual(events, expected);
              events.reduce(decider.evolve, state);
              return events;
            },
            thenEvents(check: (events: readonly E[], after: S) => void): readonly E[] {
              const events = run();
              check(events, events.reduce(decider.evolve, state));
              return events;
            },
            thenThrows(code: string, message?: RegExp): DomainError {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              assert.ok(
                caught instanceof DomainError,
                `expected a DomainError ${code}, got ${caught === undefined ? 'no error' : String(caught)}`,
              );
              assert.equal(caught.code, code, caught.message);
              if (message) assert.match(caught.message, message);
              return caught;
            },
          };
        },
      };
    },
  };
}
