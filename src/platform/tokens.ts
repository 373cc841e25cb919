/** Injection tokens for the platform pieces every feature module uses. */
export const DATA_SOURCE = Symbol('DataSource');
export const EVENT_STORE = Symbol('EventStore');
export const APP_CONFIG = Symbol('AppConfig');
export const LEADER_LOCKS = Symbol('LeaderLocks');
export const MESSAGE_LOG = Symbol('MessageLog');
