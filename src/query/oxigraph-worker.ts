/**
 * Worker thread holding an Oxigraph store. Everything about a query that can take long happens
 * here, where the engine can stop it by terminating the worker (a query inside WebAssembly cannot
 * be interrupted otherwise): parsing (sparqljs is quadratic on deep nesting), binding, planning and
 * running, and cutting the answer to the result cap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import oxigraph from 'oxigraph';
import { DataFactory } from 'n3';
import type { Term } from '@rdfjs/types';
import { checkLimits, parseQuery, prepareQuery, QueryRefusedError, QuerySyntaxError, type ParsedQuery } from './sparql.js';
import type { ResultsJson } from './results-json.js';
import {
  isWebAssemblyTrap, loadFailure, type WireTerm, type WorkerFailure, type WorkerMessage, type WorkerReply, type WorkerRequest,
} from './oxigraph-protocol.js';

const { files } = workerData as { files: ReadonlyArray<{ path: string; format: string }> };
const store = new oxigraph.Store();
/**
 * Oxigraph parses JSON-LD natively but cannot resolve a remote @context (the event files name
 * "https://schema.org"): those files go through jsonld.js with the bundled contexts instead.
 */
async function loadFile(path: string, format: string): Promise<void> {
  const input = readFileSync(path);
  try {
    store.load(input, { format, lenient: false });
  } catch (error) {
    if (format !== 'application/ld+json') throw error;
    // Imported only here: jsonld.js would slow every worker's start-up (and its first query).
    const { jsonLdToNQuads } = await import('../validate/read-graph.js');
    store.load(await jsonLdToNQuads(path, input.toString('utf8')), { format: 'application/n-quads', lenient: false });
  }
}

async function loadAll(): Promise<string | undefined> {
  try {
    for (const { path, format } of files) await loadFile(path, format);
    return undefined;
  } catch (error) {
    return loadFailure(files.map((file) => file.path), error);
  }
}
const loaded = loadAll();

function fromWireTerm(term: WireTerm): Term {
  switch (term.termType) {
    case 'NamedNode': return DataFactory.namedNode(term.value);
    case 'BlankNode': return DataFactory.blankNode(term.value);
    case 'Literal': return DataFactory.literal(term.value, term.language ?? (term.datatype ? DataFactory.namedNode(term.datatype) : undefined));
  }
}

let namedGraphs: Set<string> | undefined;

/** FROM and FROM NAMED select graphs of the store; one the store does not hold is refused, not read as empty. */
function checkDataset(query: ParsedQuery): void {
  const named = [...query.dataset.default, ...query.dataset.named];
  if (named.length === 0) return;
  namedGraphs ??= new Set((store.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { } }') as Array<Map<string, Term>>)
    .map((row) => row.get('g')!.value));
  const missing = named.filter((iri) => !namedGraphs!.has(iri));
  if (missing.length === 0) return;
  const known = [...namedGraphs].sort().slice(0, 5).map((iri) => `<${iri}>`).join(', ');
  throw new QueryRefusedError(
    `FROM <${missing[0]}>: the local graph has no named graph of that name (it has ${namedGraphs.size}${known ? `: ${known}${namedGraphs.size > 5 ? ', ...' : ''}` : ''}); ` +
    'FROM names a graph of the local data and is never fetched (query a remote document with --source URL)', 'dataset');
}

function refuseServices(query: ParsedQuery): void {
  if (query.services.length === 0) return;
  throw new QueryRefusedError(
    `SERVICE <${query.services[0]}>: the local engine never calls other endpoints; to join with a remote endpoint name it: ` +
    'peacegraph query --source ENDPOINT_URL (the query then runs with Comunica)', 'remote');
}

/**
 * How Oxigraph should read the default graph: the query's own FROM when it names one (the union
 * option would override it), else the union of the named graphs, as in graph.ttl.
 */
function datasetOptions(query: ParsedQuery): { use_default_graph_as_union?: boolean } {
  return query.dataset.default.length + query.dataset.named.length > 0 ? {} : { use_default_graph_as_union: true };
}

function memoryBytes(): number {
  const heap = v8.getHeapStatistics();
  // external_memory includes the WebAssembly memory, which holds the store.
  return heap.used_heap_size + heap.external_memory;
}

function answer(request: WorkerRequest): WorkerReply {
  checkLimits(request.query, request.limits);
  const query = parseQuery(request.query);
  refuseServices(query);
  checkDataset(query);
  const text = prepareQuery(query, new Map(request.bindings.map(([name, term]) => [name, fromWireTerm(term)])), request.maxRows);
  const graph = query.form === 'CONSTRUCT' || query.form === 'DESCRIBE';
  const output = store.query(text, {
    ...datasetOptions(query),
    results_format: graph ? 'application/n-triples' : 'application/sparql-results+json',
  }) as string;
  const shape = { form: query.form, variables: query.variables, ordered: query.ordered };
  const max = request.maxRows ?? Infinity;
  if (graph) {
    // N-Triples: one triple per line.
    const lines = output.split('\n').filter((line) => line !== '');
    const truncated = lines.length > max;
    return { id: request.id, ok: true, query: shape, ntriples: (truncated ? lines.slice(0, max) : lines).join('\n'), truncated, memoryBytes: memoryBytes() };
  }
  const results = JSON.parse(output) as ResultsJson;
  const rows = results.results?.bindings ?? [];
  const truncated = rows.length > max;
  const cut: ResultsJson = truncated ? { ...results, results: { bindings: rows.slice(0, max) } } : results;
  return { id: request.id, ok: true, query: shape, results: cut, truncated, memoryBytes: memoryBytes() };
}

function failure(error: unknown): WorkerFailure {
  if (error instanceof QuerySyntaxError) return { kind: 'syntax', message: error.message, line: error.line, column: error.column };
  if (error instanceof QueryRefusedError) return { kind: 'refused', reason: error.reason, message: error.message };
  if (isWebAssemblyTrap(error)) return { kind: 'trap', message: (error as Error).message };
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}

const post = (message: WorkerMessage) => parentPort!.postMessage(message);
void loaded.then((loadError) => post(loadError === undefined ? { status: 'ready', memoryBytes: memoryBytes() } : { status: 'load-failed', error: loadError }));

parentPort!.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = answer(request);
  } catch (error) {
    reply = { id: request.id, ok: false, failure: failure(error), memoryBytes: memoryBytes() };
  }
  post(reply);
});
