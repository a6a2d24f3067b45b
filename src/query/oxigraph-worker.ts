/**
 * Worker thread holding an Oxigraph store: queries run here so the caller can enforce a timeout
 * by terminating the worker (a query inside WebAssembly cannot be interrupted otherwise).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import oxigraph from 'oxigraph';
import { loadFailure, type WorkerReply, type WorkerRequest } from './oxigraph-protocol.js';

const { files } = workerData as { files: ReadonlyArray<{ path: string; format: string }> };
const store = new oxigraph.Store();
let loadError: string | undefined;
try {
  for (const { path, format } of files) store.load(readFileSync(path), { format, lenient: false });
} catch (error) {
  loadError = loadFailure(files.map((file) => file.path), error);
}

parentPort!.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (loadError !== undefined) throw new Error(loadError);
    const graph = request.form === 'CONSTRUCT' || request.form === 'DESCRIBE';
    const output = store.query(request.query, {
      use_default_graph_as_union: true,
      results_format: graph ? 'application/n-triples' : 'application/sparql-results+json',
    }) as string;
    reply = { id: request.id, ok: true, output };
  } catch (error) {
    reply = { id: request.id, ok: false, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
