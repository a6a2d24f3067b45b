/**
 * Raw Oxigraph for the bench: a process that loads a graph into a bare store and times queries on
 * it, with nothing of peacegraph in between (no parsing, no transport, no conversion: the query
 * straight to a results string). A process of its own, as serve and Virtuoso run, which the bench
 * can stop when a query runs too long. Started by bench/engines.ts (fork) with the graph files
 * ({path, format}) as JSON in its argument; replies to each {text, graphResult} message with the
 * run's seconds and the rows of its answer (counted after the clock stops).
 * The same store also answers over HTTP on loopback (a bare node:http handler: a form-encoded POST
 * in, the results string out), so that serve and Virtuoso, timed over HTTP, are set beside an
 * engine that pays the same round trip and nothing more. Its port goes with the load time.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
for (const file of JSON.parse(process.argv[2]!) as readonly RdfFile[]) store.load(readFileSync(file.path), { format: file.format });
const loadSeconds = (performance.now() - loading) / 1000;

export interface RawLoaded {
  readonly loadSeconds: number;
  /** The loopback port of the HTTP endpoint over the same store. */
  readonly port: number;
}

const http = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const text = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('query') ?? '';
    const type = request.headers.accept === 'application/n-triples' ? 'application/n-triples' : 'application/sparql-results+json';
    try {
      const body = store.query(text, { use_default_graph_as_union: true, results_format: type }) as string;
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
});
http.listen(0, '127.0.0.1', () => process.send!({ loadSeconds, port: (http.address() as AddressInfo).port } satisfies RawLoaded));

// A bench that stops, however it stops, closes the channel: the store goes with it.
process.on('disconnect', () => process.exit(0));

process.on('message', ({ text, graphResult }: RawRequest) => {
  const started = performance.now();
  const body = store.query(text, { use_default_graph_as_union: true, results_format: graphResult ? 'application/n-triples' : 'application/sparql-results+json' });
  const seconds = (performance.now() - started) / 1000;
  const answer: Answer = { seconds, rows: typeof body === 'string' ? answerRows(body, graphResult) : 0 };
  process.send!(answer);
});
