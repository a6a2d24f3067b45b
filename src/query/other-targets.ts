/**
 * The modules for queries that do not go to the local engine (Comunica over several sources, a
 * remote endpoint), loaded on first use: with jsonld.js and undici behind them they took 0.2 s of
 * every local query's start. Loaded with require, for the reason src/cli/main.ts gives.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export const federatedModule = (): typeof import('./federated.js') => load('./federated.js') as typeof import('./federated.js');
export const endpointModule = (): typeof import('./endpoint.js') => load('./endpoint.js') as typeof import('./endpoint.js');
