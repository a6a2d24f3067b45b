/**
 * Raw Oxigraph for the bench: a worker thread that loads a graph into a bare store and times
 * queries on it, with nothing of peacegraph in between (no parsing, no transport, no conversion:
 * the query straight to a results string). A thread, so that the bench can stop a query that runs
 * too long. Started by bench/run.ts; replies to each {text, runs} with {first, warm} seconds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import oxigraph from 'oxigraph';

export interface RawRequest {
  readonly text: string;
  readonly graphResult: boolean;
  readonly runs: number;
}

export interface RawTimes {
  readonly first: number;
  readonly warm: readonly number[];
}

const store = new oxigraph.Store();
const loading = performance.now();
store.load(readFileSync(workerData as string), { format: 'application/n-triples' });
parentPort!.postMessage({ loaded: (performance.now() - loading) / 1000 });

parentPort!.on('message', ({ text, graphResult, runs }: RawRequest) => {
  const once = (): number => {
    const started = performance.now();
    store.query(text, { use_default_graph_as_union: true, results_format: graphResult ? 'application/n-triples' : 'application/sparql-results+json' });
    return (performance.now() - started) / 1000;
  };
  const first = once();
  const times: RawTimes = { first, warm: Array.from({ length: runs }, once) };
  parentPort!.postMessage(times);
});
