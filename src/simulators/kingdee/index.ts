/** The Kingdee K/3 Cloud simulator (`mdm sim kingdee`, demo mode, tests). */
export { startKingdeeSimulator, DEFAULT_KINGDEE_SIMULATOR_USER, type KingdeeSimulator, type KingdeeSimulatorOptions } from './server';
export { runKingdeeSimulatorCli, describeKingdeeSimulator } from './cli';
export type { KingdeeSimulatorAdmin } from './admin';
export type { FaultSettings } from './faults';
export type { SimUser, SimCall, SimBehaviour } from './sim-context';
export type { SimStock } from './stock-store';
export { loginSign } from './auth-service';
