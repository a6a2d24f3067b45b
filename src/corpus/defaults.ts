/**
 * What `peacegraph build` does when the user names no option. One place, so that `eval` builds a
 * page exactly as a user's plain `build` would.
 */
import { BUNDLED } from '../paths.js';
import { DEFAULT_BASE } from '../rdf/namespaces.js';

export const BUILD_DEFAULTS = {
  base: DEFAULT_BASE,
  /** Largest accepted report, in MiB. */
  maxSizeMiB: 10,
  validate: true,
  evidence: true,
  shapesPath: BUNDLED.shapes,
  /** 0: peacegraph chooses the worker threads (src/corpus/pool.ts). */
  jobs: 0,
} as const;
