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

parentPort!.on('message', async (request: WorkerRequest) => {
  const loadError = await loaded;
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
