/**
 * Worker thread holding an Oxigraph store. Everything about a query that can take long happens
 * here, where the engine can stop it by terminating the worker (a query inside WebAssembly cannot
 * be interrupted otherwise): parsing (sparqljs is quadratic on deep nesting), binding, planning and
 * running, and cutting the answer to the result cap (query-answerer.ts). The graph is loaded as
 * queries need it (load-store.ts), or whole at start when `preload` is set.
 */
import { parentPort, workerData } from 'node:worker_threads';
import oxigraph from 'oxigraph';
import type { WorkerData, WorkerMessage, WorkerRequest } from './oxigraph-protocol.js';
import { LazyGraph } from './load-store.js';
import { memoryBytes, QueryAnswerer } from './query-answerer.js';

const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const { files, preload } = workerData as WorkerData;
const graph = new LazyGraph(() => new oxigraph.Store(), files, (progress) => post({ progress }));
const answerer = new QueryAnswerer(graph, files);

async function preloaded(): Promise<string | undefined> {
  try {
    // The store of the facts first, then the evidence's and the named graphs' (LazyGraph says why apart).
    if (preload) await answerer.load(() => graph.preload());
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
const loaded = preloaded();

void loaded.then((loadError) => post(loadError === undefined ? { status: 'ready', memoryBytes: memoryBytes() } : { status: 'load-failed', error: loadError }));

// The engine sends a worker one query at a time, so an answer awaiting a load overlaps no other.
parentPort!.on('message', async (request: WorkerRequest) => post(await answerer.reply(request)));
