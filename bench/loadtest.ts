/**
 * `npm run loadtest`: a bounded load test of `serve` on loopback (autocannon), with heavy queries
 * running beside light ones. Three rounds over the graph of the bundled reports: light queries
 * alone, beside one heavy query, beside two. A heavy query is a join of six copies of the graph
 * (it would run for hours): the first runs until its timeout, a second is stopped once it turns
 * long, as one worker is kept for short queries; the heavy clients wait as Retry-After asks. Prints light-query throughput and latency
 * percentiles per round, and what became of the heavy queries.
 *   npm run loadtest -- --seconds 10 --connections 10
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildGraph } from '../src/pipeline.js';
import { writeGraph } from '../src/write/outputs.js';
import { createServer } from '../src/serve/server.js';
import { defaultWorkerCount } from '../src/query/local.js';
import { DEFAULT_BASE } from '../src/rdf/namespaces.js';
import { BUNDLED } from '../src/paths.js';
import { mib } from './format.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const SECONDS = option('seconds', 10);
const CONNECTIONS = option('connections', 10);
const TIMEOUT_MS = 10000;

const LIGHT = 'SELECT ?name WHERE { ?person a <http://schema.org/Person> ; <http://schema.org/name> ?name } ORDER BY ?name LIMIT 20';
const HEAVY = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?q ?r ?s }';

/**
 * Sends the heavy query again and again until stopped, each time with another comment (so the
 * server cannot refuse it as one it stopped before), waiting as Retry-After asks; counts answers by status.
 */
function heavyLoop(address: string, client: string, statuses: Map<number, number>): { stop: () => Promise<void> } {
  let running = true;
  const loop = (async () => {
    for (let request = 0; running; request += 1) {
      const response = await fetch(`${address}/sparql?query=${encodeURIComponent(`${HEAVY} # client ${client}, request ${request}`)}`);
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const retryAfter = Number(response.headers.get('retry-after') ?? 0);
      if (running && retryAfter > 0) await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    }
  })();
  return { stop: async () => { running = false; await loop; } };
}

const out = await mkdtemp(join(tmpdir(), 'peacegraph-loadtest-'));
const built = await buildGraph([BUNDLED.reports]);
await writeGraph(out, built.quads, DEFAULT_BASE, built.models);
const workers = defaultWorkerCount();
const { app } = await createServer({
  graph: { quads: { path: join(out, 'graph.trig'), format: 'application/trig' } }, base: DEFAULT_BASE,
  timeoutMs: TIMEOUT_MS, maxRows: 10000, maxQueryBytes: 1024 * 1024, workers,
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`serve on loopback over the bundled reports (${built.quads.length} triples), ${workers} workers + 1 spare, ` +
  `timeout ${TIMEOUT_MS} ms; each round ${SECONDS} s of light queries from ${CONNECTIONS} connections\n`);
console.log('| heavy queries beside | light req/s | p50 | p90 | p99 | max | light non-2xx | heavy answers | RSS after |');
console.log('|---|---|---|---|---|---|---|---|---|');
try {
  for (const heavyCount of [0, 1, 2]) {
    const heavyStatuses = new Map<number, number>();
    const loops = Array.from({ length: heavyCount }, (_unused, client) => heavyLoop(address, `${heavyCount}.${client}`, heavyStatuses));
    const result = await autocannon({
      url: `${address}/sparql?query=${encodeURIComponent(LIGHT)}`,
      connections: CONNECTIONS, duration: SECONDS, headers: { accept: 'application/sparql-results+json' },
    });
    await Promise.all(loops.map((loop) => loop.stop()));
    const heavy = [...heavyStatuses].sort(([a], [b]) => a - b).map(([status, count]) => `${count}x ${status}`).join(', ') || '-';
    const { latency } = result;
    console.log(`| ${heavyCount} | ${Math.round(result.requests.average)} | ${latency.p50} ms | ${latency.p90} ms | ${latency.p99} ms | ${latency.max} ms | ` +
      `${result.non2xx + result.errors + result.timeouts} | ${heavy} | ${mib(process.memoryUsage().rss)} |`);
  }
} finally {
  await app.close();
  await rm(out, { recursive: true, force: true });
}
