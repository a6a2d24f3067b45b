/** Messages between the local engine and its Oxigraph workers. */
import type { Term } from '@rdfjs/types';
import type { PageWindow, QueryForm, QueryLimits, RefusalReason } from './sparql.js';
import type { GraphFiles } from './rdf-files.js';
import type { LoadProgress } from './load-store.js';
import type { TableFormat } from './table-text.js';

export interface WorkerData {
  readonly files: GraphFiles;
  /** Load the whole graph at start (a server), rather than each query's part when it comes. */
  readonly preload: boolean;
}

/** An RDF term as plain data (RDF/JS term classes do not survive postMessage). */
export interface WireTerm {
  readonly termType: 'NamedNode' | 'BlankNode' | 'Literal';
  readonly value: string;
  readonly language?: string;
  readonly datatype?: string;
}

export interface WorkerRequest {
  readonly id: number;
  readonly query: string;
  readonly bindings: ReadonlyArray<readonly [string, WireTerm]>;
  /** Results beyond this many rows (or triples) are cut, and the LIMIT of the query bounded by it. */
  readonly maxRows?: number;
  /** A SELECT answers this page only (in place of maxRows); `truncated` then says that more rows follow. */
  readonly page?: PageWindow;
  /**
   * With a page: an ordered SELECT answers whole instead, up to this many rows (one more tells it
   * was cut), for the engine to keep and slice (kept-answers.ts); other queries answer the page.
   */
  readonly wholeIfOrdered?: number;
  readonly limits: QueryLimits;
  /**
   * A SELECT's answer is sent written in this format (table-text.ts), not as results JSON: its rows
   * are read and written here, where they are, and the engine's thread only passes the text on.
   */
  readonly write?: TableFormat;
}

/** A table answer written as text, and how many rows it holds. */
export interface WrittenTable {
  readonly text: string;
  readonly rows: number;
}

/** Why a query failed; `trap` means the WebAssembly engine aborted and the worker must be replaced. */
export type WorkerFailure =
  | { readonly kind: 'syntax'; readonly message: string; readonly line?: number; readonly column?: number }
  | { readonly kind: 'refused'; readonly reason: RefusalReason; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'trap'; readonly message: string };

export interface QueryShape {
  readonly form: QueryForm;
  readonly variables: readonly string[];
  readonly ordered: boolean;
}

/** A query's answer, as a worker (or the engine's own thread, inline-answers.ts) sends it. */
export interface AnsweredReply {
  readonly id: number;
  readonly ok: true;
  readonly query: QueryShape;
  /** SELECT and ASK answers, as SPARQL results JSON text (a string crosses threads far faster than the objects it holds). */
  readonly resultsJson?: string;
  /** A SELECT's answer written as the request asked (`write`), in place of resultsJson. */
  readonly written?: WrittenTable;
  /** CONSTRUCT and DESCRIBE answers. */
  readonly ntriples?: string;
  readonly truncated: boolean;
  /** The answer is whole (wholeIfOrdered), not the page asked for; truncated: cut at wholeIfOrdered rows. */
  readonly whole?: boolean;
  /** Answered from the store of the facts alone (the default graph's files and the statistics), not the named graphs' or the evidence's. */
  readonly facts: boolean;
  /** Milliseconds from the request's arrival in the worker to its answer (no waiting for a worker in it). */
  readonly answerMs: number;
  /** The worker's memory after the query (WebAssembly memory never shrinks). */
  readonly memoryBytes: number;
}

export type WorkerReply =
  | AnsweredReply
  | { readonly id: number; readonly ok: false; readonly failure: WorkerFailure; readonly memoryBytes: number };

/** The first message of a worker (after progress): the graph it preloads is loaded, or why not. */
export type WorkerStatus = { readonly status: 'ready'; readonly memoryBytes: number } | { readonly status: 'load-failed'; readonly error: string };

/** Sent while loading graph files, before the status or between replies. */
export interface WorkerProgress {
  readonly progress: LoadProgress;
}

export type WorkerMessage = WorkerStatus | WorkerReply | WorkerProgress;

export function toWireTerm(term: Term): WireTerm {
  if (term.termType === 'Literal') {
    return { termType: 'Literal', value: term.value, language: term.language || undefined, datatype: term.datatype.value };
  }
  if (term.termType === 'NamedNode' || term.termType === 'BlankNode') return { termType: term.termType, value: term.value };
  throw new Error(`a parameter cannot be a ${term.termType}`);
}

/** A WebAssembly trap (RuntimeError, told by its name: the ES library types do not describe WebAssembly). */
export function isWebAssemblyTrap(error: unknown): boolean {
  return error instanceof Error && error.name === 'RuntimeError';
}

/**
 * Why the worker could not load the graph. Oxigraph runs in WebAssembly, whose memory stops at
 * 4 GB (about 7M triples): past that it aborts with a bare "unreachable", which says nothing to
 * the user, so that case is spelt out with what to do instead.
 */
export function loadFailure(paths: readonly string[], error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = isWebAssemblyTrap(error)
    ? 'the query engine ran out of memory (Oxigraph runs in WebAssembly, whose memory stops at 4 GB: about 7 million triples). ' +
      'Query the facts alone (without --with-evidence), or push the graph to a triple store (peacegraph push) and query it with --endpoint'
    : message;
  return `cannot load ${paths.join(', ')}: ${cause}`;
}
