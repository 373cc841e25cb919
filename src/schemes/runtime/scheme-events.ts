/** Events on stream `scheme-<name>`: the audit trail of a scheme's runtime switch and mapping. */
export type SchemeEvent =
  | { readonly type: 'SchemeEnabled'; readonly data: { readonly name: string; readonly reason: string | null } }
  | { readonly type: 'SchemeDisabled'; readonly data: { readonly name: string; readonly reason: string | null } }
  | {
      readonly type: 'SchemeMappingChanged';
      readonly data: {
        readonly name: string;
        readonly version: string;
        readonly mappingHash: string;
        readonly previousHash: string | null;
        readonly file: string;
      };
    };

export interface SchemeRuntimeState {
  readonly name: string;
  /** A scheme nobody switched off is enabled. */
  readonly enabled: boolean;
  readonly mappingHash: string | null;
  /** Stream version (0 = no events yet). */
  readonly version: number;
  readonly changedAt: string | null;
}

export const schemeStreamId = (name: string): string => `scheme-${name}`;

export const initialSchemeState = (name: string): SchemeRuntimeState => ({
  name,
  enabled: true,
  mappingHash: null,
  version: 0,
  changedAt: null,
});

export function evolveScheme(
  state: SchemeRuntimeState,
  event: SchemeEvent,
  at: { version: number; occurredAt: string },
): SchemeRuntimeState {
  const base = { ...state, version: at.version, changedAt: at.occurredAt };
  switch (event.type) {
    case 'SchemeEnabled':
      return { ...base, enabled: true };
    case 'SchemeDisabled':
      return { ...base, enabled: false };
    case 'SchemeMappingChanged':
      return { ...base, mappingHash: event.data.mappingHash };
  }
}
