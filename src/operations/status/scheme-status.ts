import { HubStatus } from './hub-status';

/** Provided by the schemes runtime: each known scheme, enabled or not, and its mapping hash. */
export interface SchemeStatusSource {
  schemeStatus(): Promise<HubStatus['schemes']>;
}
export const SCHEME_STATUS = Symbol('SchemeStatus');
