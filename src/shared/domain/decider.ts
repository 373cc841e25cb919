/** Who did something, when, and why: passed into the domain so it never reads clocks or makes ids. */
export interface CommandMetadata {
  readonly now: Date;
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId?: string;
}

export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** decide(command, state) → events; evolve(state, event) → state. */
export interface Decider<TCommand, TEvent, TState> {
  readonly initialState: () => TState;
  readonly decide: (command: TCommand, state: TState, metadata: CommandMetadata) => readonly TEvent[];
  readonly evolve: (state: TState, event: TEvent) => TState;
}

export function fold<TEvent, TState>(
  decider: Pick<Decider<unknown, TEvent, TState>, 'initialState' | 'evolve'>,
  events: readonly TEvent[],
): TState {
  return events.reduce(decider.evolve, decider.initialState());
}
