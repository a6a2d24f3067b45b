/**
 * Raw Oxigraph for the bench: a worker thread that loads a graph into a bare store and times
 * queries on it, with nothing of peacegraph in between (no parsing, no transport, no conversion:
 * the query straight to a results string). A thread, so that the bench can stop a query that runs
 * too long. Started by bench/engines.ts with the graph files ({path, format}); replies to each
 * {text, graphResult} with the run's seconds and the rows of its answer (counted after the clock stops).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import oxigraph from 'oxigraph';
import { answerRows, type Answer } from './answer-rows.js';
import type { RdfFile } from '../src/query/rdf-files.js';

export interface RawRequest {
  readonly text: string;
  /** CONSTRUCT or DESCRIBE: the result is N-Triples, else SPARQL results JSON. */
  readonly graphResult: boolean;
}

const store = new oxigraph.Store();
const loading = performance.now();
for (const file of workerData as readonly RdfFile[]) store.load(readFileSync(file.path), { format: file.format });
parentPort!.postMessage((performance.now() - loading) / 1000);

parentPort!.on('message', ({ text, graphResult }: RawRequest) => {
  const started = performance.now();
  const body = store.query(text, { use_default_graph_as_union: true, results_format: graphResult ? 'application/n-triples' : 'application/sparql-results+json' });
  const seconds = (performance.now() - started) / 1000;
  const answer: Answer = { seconds, rows: typeof body === 'string' ? answerRows(body, graphResult) : 0 };
  parentPort!.postMessage(answer);
});
