/**
 * Worker thread holding an Oxigraph store: queries run here so the caller can enforce a timeout
 * by terminating the worker (a query inside WebAssembly cannot be interrupted otherwise). The
 * graph is loaded as queries need it (load-store.ts), or whole at start when `preload` is set.
 */
import { parentPort, workerData } from 'node:worker_threads';
import oxigraph from 'oxigraph';
import { loadFailure, type WorkerData, type WorkerReply, type WorkerRequest } from './oxigraph-protocol.js';
import { LazyGraph } from './load-store.js';
import { EVERYTHING, graphScope, type GraphScope } from './graph-scope.js';

const { files, preload } = workerData as WorkerData;
const graph = new LazyGraph(new oxigraph.Store(), files, (progress) => parentPort!.postMessage({ progress }));
const store = graph.store;

function load(scope: GraphScope): void {
  try {
    graph.ensure(scope);
  } catch (error) {
    throw new Error(loadFailure(graph.paths, error));
  }
}

let loadError: string | undefined;
try {
  if (preload) load(EVERYTHING);
} catch (error) {
  loadError = (error as Error).message;
}

parentPort!.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (loadError !== undefined) throw new Error(loadError);
    load(graphScope(request.query));
    const graphResult = request.form === 'CONSTRUCT' || request.form === 'DESCRIBE';
    const output = store.query(request.query, {
      results_format: graphResult ? 'application/n-triples' : 'application/sparql-results+json',
    }) as string;
    reply = { id: request.id, ok: true, output };
  } catch (error) {
    reply = { id: request.id, ok: false, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
