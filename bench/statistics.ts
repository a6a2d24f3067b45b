/**
 * The bundled aggregates that read the statistics graph, beside the same tables counted from the
 * facts (queries/from-facts/), on a built folder: warm `serve` requests (one worker) and raw
 * Oxigraph over graph.nt running the from-facts query, by turns; then one-shot `query` calls of
 * both forms (the compiled CLI: run `npm run build` first). Prints a Markdown table.
 *   npx tsx bench/statistics.ts OUT_DIR [warm runs, default 5]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { httpRun, RawOxigraph } from './engines.js';
import { median, ms, s1 } from './format.js';
import { oneShotQuery } from './one-shot.js';
import { createServer } from '../src/serve/server.js';
import { resolveGraphFiles } from '../src/query/rdf-files.js';
import { DEFAULT_BASE } from '../src/rdf/namespaces.js';
import { BUNDLED } from '../src/paths.js';

const [dir, runsArgument] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: npx tsx bench/statistics.ts OUT_DIR [warm runs]');
const RUNS = Number(runsArgument ?? 5);
const TIMEOUT_MS = 600_000;
const FROM_FACTS = join(BUNDLED.queries, 'from-facts');

const names = (await readdir(FROM_FACTS)).filter((file) => file.endsWith('.rq')).map((file) => file.slice(0, -3)).sort();
const raw = new RawOxigraph([{ path: join(dir, 'graph.nt'), format: 'application/n-triples' }]);
const rawLoad = await raw.load();
const { app, engine } = await createServer({
  graph: await resolveGraphFiles(dir), base: DEFAULT_BASE, timeoutMs: TIMEOUT_MS, maxRows: Number.MAX_SAFE_INTEGER, maxQueryBytes: 1 << 20, workers: 1,
});
await engine.ready();
const serve = httpRun({ url: `${await app.listen({ port: 0, host: '127.0.0.1' })}/sparql` }, TIMEOUT_MS);

/** Warm seconds (median of RUNS after a first run) of each form in serve, and of the from-facts form in raw Oxigraph. */
async function warm(bundled: string, fromFacts: string): Promise<{ statistics: number; facts: number; raw: number; rawFirst: number }> {
  const times = { statistics: [] as number[], facts: [] as number[], raw: [] as number[] };
  let rawFirst = 0;
  for (let run = 0; run <= RUNS; run += 1) {
    const [statistics, facts] = [await serve(bundled), await serve(fromFacts)];
    const bare = await raw.time({ text: fromFacts, graphResult: false }, TIMEOUT_MS);
    if (statistics === undefined || facts === undefined || bare === undefined) throw new Error('a query was stopped');
    if (run === 0) rawFirst = bare.seconds;
    else {
      times.statistics.push(statistics.seconds);
      times.facts.push(facts.seconds);
      times.raw.push(bare.seconds);
    }
  }
  return { statistics: median(times.statistics), facts: median(times.facts), raw: median(times.raw), rawFirst };
}

console.log(`Raw Oxigraph loads graph.nt in ${s1(rawLoad)}; serve runs one worker; warm = median of ${RUNS} runs after a first.\n`);
console.log('| query | serve warm, statistics | serve warm, from facts | raw Oxigraph warm, from facts | statistics / raw | one-shot, statistics | one-shot, from facts | raw load + first, from facts | one-shot statistics / raw |');
console.log('|---|---|---|---|---|---|---|---|---|');
const rows: string[] = [];
const rawOneShots: number[] = [];
for (const name of names) {
  const [bundled, fromFacts] = await Promise.all([readFile(join(BUNDLED.queries, `${name}.rq`), 'utf8'), readFile(join(FROM_FACTS, `${name}.rq`), 'utf8')]);
  const times = await warm(bundled, fromFacts);
  rows.push(`| ${name} | ${ms(times.statistics)} | ${ms(times.facts)} | ${ms(times.raw)} | ${(times.statistics / times.raw).toFixed(3)}x |`);
  rawOneShots.push(rawLoad + times.rawFirst);
}
await app.close();
await raw.close();
for (const [index, name] of names.entries()) {
  const [statistics, facts] = [await oneShotQuery(dir, name, ['--format', 'csv']), await oneShotQuery(dir, join(FROM_FACTS, `${name}.rq`), ['--format', 'csv'])];
  console.log(`${rows[index]} ${s1(statistics.wall)} | ${s1(facts.wall)} | ${s1(rawOneShots[index]!)} | ${(statistics.wall / rawOneShots[index]!).toFixed(2)}x |`);
}
