/**
 * Answering one query request on a graph of Oxigraph stores: the work of a query worker
 * (oxigraph-worker.ts), and of the engine's own thread for queries a worker has shown to be fast
 * (inline-answers.ts), so that both give the same answer to the same request. Parsing, binding,
 * checks, running, sorting, cutting to the cap or the page, and writing the answer happen here.
 */
import v8 from 'node:v8';
import oxigraph from 'oxigraph';
import type { Term } from '@rdfjs/types';
import { checkLimits, parseQuery, prepareQuery, QueryRefusedError, QuerySyntaxError, unorderedQuery, type ParsedQuery } from './sparql.js';
import type { JsonBinding, ResultsJson } from './results-json.js';
import { orderRows, plainOrder, type OrderKey } from './order-rows.js';
import { readResultsTsv, UnreadableTsv } from './results-tsv.js';
import { plainRows, tableText, type TableFormat } from './table-text.js';
import {
  isWebAssemblyTrap, loadFailure, type AnsweredReply, type WireTerm, type WorkerFailure, type WorkerReply, type WorkerRequest, type WrittenTable,
} from './oxigraph-protocol.js';
import { GraphFileError, type LazyGraph } from './load-store.js';
import { requiredTerms, type RequiredTerms } from './required-terms.js';
import { EVERYTHING, readsEvidence, treeScope, type GraphScope } from './graph-scope.js';
import type { GraphFiles } from './rdf-files.js';
import { BoundedMemo } from '../memo.js';

/** An answer before it is addressed to its request. */
type Answered = Omit<AnsweredReply, 'id' | 'ok' | 'memoryBytes' | 'answerMs'>;

/** Oxigraph's own RDF/JS terms: the project's factory (rdf-ext) would add 0.4 s to every worker's start. */
function fromWireTerm(term: WireTerm): Term {
  switch (term.termType) {
    case 'NamedNode': return oxigraph.namedNode(term.value);
    case 'BlankNode': return oxigraph.blankNode(term.value);
    case 'Literal': return oxigraph.literal(term.value, term.language ?? (term.datatype ? oxigraph.namedNode(term.datatype) : undefined));
  }
}

/** A store that holds nothing: what the engine answers when nothing can match. */
const EMPTY_STORE = new oxigraph.Store();

/** The engine's answer to a query without solutions, as Oxigraph writes it; SELECT * lists the variables in scope, as an empty store tells. */
function noSolution(query: ParsedQuery, text: string, format: string): string {
  switch (query.form) {
    case 'CONSTRUCT':
    case 'DESCRIBE':
      return '';
    case 'ASK':
      return JSON.stringify({ head: {}, boolean: false });
    case 'SELECT':
      if (query.variables.length === 0) return EMPTY_STORE.query(text, { results_format: format }) as string;
      return JSON.stringify({ head: { vars: query.variables }, results: { bindings: [] } });
  }
}

function refuseServices(query: ParsedQuery): void {
  if (query.services.length === 0) return;
  throw new QueryRefusedError(
    `SERVICE <${query.services[0]}>: the local engine never calls other endpoints; to join with a remote endpoint name it: ` +
    'peacegraph query --source ENDPOINT_URL (the query then runs with Comunica)', 'remote');
}

/**
 * What a query reads. FROM and FROM NAMED are checked against every named graph, so they load the
 * whole graph: a graph with no triple in the query's scope is still a graph of the data.
 */
function queryScope(query: ParsedQuery): GraphScope {
  return query.dataset.default.length + query.dataset.named.length > 0 ? EVERYTHING : treeScope(query.tree);
}

/** What each parsed query reads, and the terms it requires (parsed queries are memoised by text: asked again, the same object). */
const reads = new WeakMap<ParsedQuery, { scope: GraphScope; required: RequiredTerms | undefined }>();

function readsOf(query: ParsedQuery): { scope: GraphScope; required: RequiredTerms | undefined } {
  let known = reads.get(query);
  if (known === undefined) reads.set(query, known = { scope: queryScope(query), required: requiredTerms(query.tree) });
  return known;
}

/** Query texts as written for the engine, by what they are written from: sparqljs takes 0.1-0.2 ms to write one, and a request asked again needs the same. */
const written = new BoundedMemo<string, string>(1024);

function writtenOnce(parts: readonly unknown[], write: () => string): string {
  return written.get(JSON.stringify(parts), write);
}

export function memoryBytes(): number {
  const heap = v8.getHeapStatistics();
  // external_memory includes the WebAssembly memory, which holds the store.
  return heap.used_heap_size + heap.external_memory;
}

export class QueryAnswerer {
  /** The named graphs of the store, once a query's FROM asked. */
  private namedGraphs: Set<string> | undefined;

  /** `files` are the graph's files as the engine was given them (the evidence left out or not). */
  constructor(private readonly graph: LazyGraph, private readonly files: GraphFiles) {}

  /** The reply to a request: its answer, or why it has none. */
  async reply(request: WorkerRequest): Promise<WorkerReply> {
    const start = performance.now();
    try {
      const answered = await this.answer(request);
      return { id: request.id, ok: true, ...answered, answerMs: performance.now() - start, memoryBytes: memoryBytes() };
    } catch (error) {
      return { id: request.id, ok: false, failure: failure(error), memoryBytes: memoryBytes() };
    }
  }

  /** The graph loaded as `loading` loads it; a failure names the file, and a trap is named as one. */
  async load<T>(loading: () => Promise<T>): Promise<T> {
    try {
      return await loading();
    } catch (error) {
      // The file that failed when one did; every file when the failure came from elsewhere.
      const [paths, cause] = error instanceof GraphFileError ? [[error.path], error.cause] : [this.graph.paths, error];
      const failed = new Error(loadFailure(paths, cause));
      // A trap leaves the store corrupt: named as one, the failure still gets the worker replaced.
      if (isWebAssemblyTrap(cause)) failed.name = 'RuntimeError';
      throw failed;
    }
  }

  private async answer(request: WorkerRequest): Promise<Answered> {
    checkLimits(request.query, request.limits);
    const query = parseQuery(request.query);
    refuseServices(query);
    const { scope, required } = readsOf(query);
    this.refuseUnloadedEvidence(scope);
    const store = await this.load(() => this.graph.ensure(scope));
    this.checkDataset(query, store);
    const facts = this.graph.isFactsStore(store);
    // A pattern every solution needs and no triple matches: no solution, known without running the query.
    const solvable = required === undefined || !this.graph.lacksAny(store, required);
    // Pages are of SELECT rows; another form answers whole, under the cap.
    const page = query.form === 'SELECT' ? request.page : undefined;
    // An ordered answer is sorted whole before its first row: the engine keeps it whole and slices pages.
    const whole = page !== undefined && query.ordered && request.wholeIfOrdered !== undefined;
    const max = whole ? request.wholeIfOrdered : page?.size ?? request.maxRows;
    const bindings = new Map(request.bindings.map(([name, term]) => [name, fromWireTerm(term)]));
    const shape = { form: query.form, variables: query.variables, ordered: query.ordered };
    const keys = solvable && !engineOrdered.has(query) ? plainOrder(query) : undefined;
    const sorted = keys === undefined ? undefined
      : sortedAnswer(store, writtenOnce(['unordered', request.query, request.bindings], () => unorderedQuery(query, bindings, MAX_ROWS_SORTED_HERE + 1)), keys);
    if (keys !== undefined && sorted === undefined) engineOrdered.add(query);
    // A whole answer is kept by the engine as rows: it is never written.
    const write = whole ? undefined : request.write;
    if (sorted !== undefined) {
      const rows = windowOf(query, sorted.rows, whole ? 0 : page?.offset ?? 0, max);
      const truncated = max !== undefined && rows.length > max;
      return { query: shape, facts, ...tableReply(sorted.head, truncated ? rows.slice(0, max) : rows, write), truncated, whole };
    }
    const offset = whole ? 0 : page?.offset;
    const text = writtenOnce(['prepared', request.query, request.bindings, max, offset], () => prepareQuery(query, bindings, max, offset));
    const graphForm = query.form === 'CONSTRUCT' || query.form === 'DESCRIBE';
    // The default graph is graph.nt's set of triples, or the query's own FROM: never the union option.
    const format = graphForm ? 'application/n-triples' : 'application/sparql-results+json';
    const output = solvable ? store.query(text, { results_format: format }) as string : noSolution(query, text, format);
    if (graphForm) {
      // N-Triples: one triple per line.
      const lines = output.split('\n').filter((line) => line !== '');
      const truncated = lines.length > (max ?? Infinity);
      return { query: shape, facts, ntriples: (truncated ? lines.slice(0, max) : lines).join('\n'), truncated };
    }
    // An ASK answer, and a SELECT's without a cap (it cannot be cut) or to write, go as Oxigraph wrote them, unparsed.
    if (query.form === 'ASK' || (max === undefined && write === undefined)) {
      return { query: shape, facts, resultsJson: output, truncated: false, whole };
    }
    const results = JSON.parse(output) as ResultsJson;
    const rows = results.results?.bindings ?? [];
    const truncated = max !== undefined && rows.length > max;
    return { query: shape, facts, ...tableReply(results.head, truncated ? rows.slice(0, max) : rows, write, truncated ? undefined : output), truncated, whole };
  }

  /** FROM and FROM NAMED select graphs of the store; one the store does not hold is refused, not read as empty. */
  private checkDataset(query: ParsedQuery, store: oxigraph.Store): void {
    const named = [...query.dataset.default, ...query.dataset.named];
    if (named.length === 0) return;
    this.namedGraphs ??= new Set((store.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { } }') as Array<Map<string, Term>>)
      .map((row) => row.get('g')!.value));
    const missing = named.filter((iri) => !this.namedGraphs!.has(iri));
    if (missing.length === 0) return;
    const known = [...this.namedGraphs].sort().slice(0, 5).map((iri) => `<${iri}>`).join(', ');
    throw new QueryRefusedError(
      `FROM <${missing[0]}>: the local graph has no named graph of that name (it has ${this.namedGraphs.size}${known ? `: ${known}${this.namedGraphs.size > 5 ? ', ...' : ''}` : ''}); ` +
      'FROM names a graph of the local data and is never fetched (query a remote document with --source URL)', 'dataset');
  }

  /**
   * A query that names evidence terms over a build whose evidence files are not loaded would find
   * nothing, which reads as "no evidence": it is refused with how to load them instead.
   */
  private refuseUnloadedEvidence(scope: GraphScope): void {
    if (!this.files.evidenceLeftOut || !readsEvidence(scope)) return;
    throw new QueryRefusedError(
      'this query reads evidence (pg:evidence, oa: terms), which the build keeps apart from the facts (evidence.nt, evidence.nq) and which is not loaded: ' +
      'start the server with peacegraph serve --with-evidence, or ask with peacegraph query --with-evidence', 'evidence');
  }
}

/**
 * A SELECT's rows as the reply carries them: written in the format asked for (table-text.ts),
 * here where they are, or as results JSON (`json`: Oxigraph's own text, when the rows are all of it).
 */
function tableReply(head: ResultsJson['head'], rows: readonly JsonBinding[], write: TableFormat | undefined, json?: string): { written: WrittenTable } | { resultsJson: string } {
  if (write !== undefined) return { written: { text: tableText({ variables: head.vars ?? [], rows: plainRows(rows) }, write), rows: rows.length } };
  return { resultsJson: json ?? JSON.stringify({ head, results: { bindings: rows } }) };
}

/**
 * Answers up to this many rows are sorted here (order-rows.ts says why); a larger one is left to
 * the engine's ORDER BY, which holds its rows more compactly than their results JSON.
 */
const MAX_ROWS_SORTED_HERE = 500_000;

/**
 * Queries whose answer order-rows.ts could not sort: they ran twice (unordered, then with the
 * engine's ORDER BY), and go to the engine's ORDER BY at once when asked again (parsed queries
 * are memoised by text, so the same text is the same object).
 */
const engineOrdered = new WeakSet<ParsedQuery>();

/** The answer of `unordered` (the query without its ORDER BY, unorderedQuery), ordered by order-rows.ts; undefined when that sort cannot order it. */
function sortedAnswer(store: oxigraph.Store, unordered: string, keys: readonly OrderKey[]): { head: ResultsJson['head']; rows: readonly JsonBinding[] } | undefined {
  const { head, rows } = unorderedRows(store, unordered);
  if (rows.length > MAX_ROWS_SORTED_HERE) return undefined;
  const sorted = orderRows(rows, keys);
  return sorted === undefined ? undefined : { head, rows: sorted };
}

/**
 * The rows of a SELECT, read from the TSV Oxigraph writes faster than its JSON (results-tsv.ts), or
 * from its JSON when the TSV cannot be read that way.
 */
function unorderedRows(store: oxigraph.Store, text: string): { head: ResultsJson['head']; rows: readonly JsonBinding[] } {
  try {
    const { variables, rows } = readResultsTsv(store.query(text, { results_format: 'text/tab-separated-values' }) as string);
    return { head: { vars: variables }, rows };
  } catch (error) {
    if (!(error instanceof UnreadableTsv)) throw error;
  }
  const results = JSON.parse(store.query(text, { results_format: 'application/sparql-results+json' }) as string) as ResultsJson;
  return { head: results.head, rows: results.results?.bindings ?? [] };
}

/**
 * The rows of the query's own OFFSET and LIMIT, from `offset` into them, and at most `max` + 1
 * of them (one more than asked tells that more follow), as prepareQuery writes the window.
 */
function windowOf(query: ParsedQuery, rows: readonly JsonBinding[], offset: number, max: number | undefined): readonly JsonBinding[] {
  const own = query.tree as { limit?: number; offset?: number };
  const start = (own.offset ?? 0) + offset;
  const end = Math.min(own.limit === undefined ? rows.length : (own.offset ?? 0) + own.limit, max === undefined ? rows.length : start + max + 1);
  return rows.slice(start, Math.max(start, end));
}

function failure(error: unknown): WorkerFailure {
  if (error instanceof QuerySyntaxError) return { kind: 'syntax', message: error.message, line: error.line, column: error.column };
  if (error instanceof QueryRefusedError) return { kind: 'refused', reason: error.reason, message: error.message };
  if (isWebAssemblyTrap(error)) return { kind: 'trap', message: (error as Error).message };
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}
