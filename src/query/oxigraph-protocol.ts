/** Messages between the local engine and its Oxigraph worker. */
import type { QueryForm } from './sparql.js';
import type { GraphFiles } from './rdf-files.js';
import type { LoadProgress } from './load-store.js';

export interface WorkerData {
  readonly files: GraphFiles;
  /** Load the whole graph at start (a server), rather than each query's part when it comes. */
  readonly preload: boolean;
}

export interface WorkerRequest {
  readonly id: number;
  readonly query: string;
  readonly form: QueryForm;
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly output: string }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Sent while loading, between replies. */
export interface WorkerProgress {
  readonly progress: LoadProgress;
}

/**
 * Why the worker could not load the graph. Oxigraph runs in WebAssembly, whose memory stops at
 * 4 GB (about 7M triples): past that it aborts with a bare "unreachable", which says nothing to
 * the user, so that case is spelt out with what to do instead.
 */
export function loadFailure(paths: readonly string[], error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // WebAssembly.RuntimeError, told by its name (the ES library types do not describe WebAssembly).
  const cause = error instanceof Error && error.name === 'RuntimeError'
    ? 'the query engine ran out of memory (Oxigraph runs in WebAssembly, whose memory stops at 4 GB: about 7 million triples). ' +
      'Query a graph built with --no-evidence, or push the graph to a triple store (peacegraph push) and query it with --endpoint'
    : message;
  return `cannot load ${paths.join(', ')}: ${cause}`;
}
