/**
 * Raw Comunica over an N3 Store, in its own process so the bench can kill it: Comunica can compute
 * for minutes without yielding, which no in-process timer interrupts. Loads the graph once, then
 * prints one JSON line per query as it finishes ({name, first, warm} seconds; warm is the first when WARM_RUNS is 0), so a run stopped by
 * the bench's time limit still reports the queries it finished.
 * Run by bench/run.ts: npx tsx bench/comunica-query.ts WARM_RUNS GRAPH.nt... QUERY.rq... (N-Triples files, then queries)
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Parser, Store } from 'n3';
import { queryFederated } from '../src/query/federated.js';

const [runs, ...files] = process.argv.slice(2) as [string, ...string[]];
const queryFiles = files.filter((file) => file.endsWith('.rq'));
const store = new Store();
for (const graph of files.filter((file) => !file.endsWith('.rq'))) store.addQuads(new Parser({ format: 'N-Triples' }).parse(await readFile(graph, 'utf8')));
const sources = [{ kind: 'quads' as const, quads: store.getQuads(null, null, null, null) }];
for (const queryFile of queryFiles) {
  const query = await readFile(queryFile, 'utf8');
  const times: number[] = [];
  for (let run = 0; run <= Number(runs); run += 1) {
    const started = performance.now();
    await queryFederated(query, sources);
    times.push((performance.now() - started) / 1000);
  }
  // With no warm run (WARM_RUNS 0), the first stands for it.
  const warm = times.length > 1 ? times.slice(1).sort((a, b) => a - b) : times;
  console.log(JSON.stringify({ name: basename(queryFile, '.rq'), first: times[0], warm: warm[Math.floor(warm.length / 2)] }));
}
