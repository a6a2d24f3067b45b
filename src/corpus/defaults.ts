/**
 * What `peacegraph build` does when the user names no option. One place, so that `eval` builds a
 * page exactly as a user's plain `build` would.
 */
import { BUNDLED } from '../paths.js';
import { DEFAULT_BASE } from '../rdf/namespaces.js';

export interface BuildSettings {
  readonly base: string;
  /** Largest accepted report, in MiB. */
  readonly maxSizeMiB: number;
  readonly validate: boolean;
  readonly evidence: boolean;
  readonly shapesPath: string;
  /** 0: peacegraph chooses the worker threads (src/corpus/pool.ts). */
  readonly jobs: number;
}

export const BUILD_DEFAULTS: BuildSettings = {
  base: DEFAULT_BASE,
  maxSizeMiB: 10,
  validate: true,
  evidence: true,
  shapesPath: BUNDLED.shapes,
  jobs: 0,
};
