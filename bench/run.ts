/**
 * `npm run bench`: build and query synthetic corpora side by side, medians of several runs.
 *   npm run bench -- --quick            100 reports (under a minute)
 *   npm run bench -- --sizes 100,1000   chosen sizes (default 100,1000,10000)
 * Prints a markdown table; figures are ratios measured in the same run where they compare.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import oxigraph from 'oxigraph';
import { generateCorpus } from './corpus.js';
import { listBundledQueries } from '../src/query/bundled.js';
import { LocalEngine } from '../src/query/local.js';
import { runQuery } from '../src/query/run.js';
import { parseQuery } from '../src/query/sparql.js';
import { BUNDLED } from '../src/paths.js';

const run = promisify(execFile);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const sizesArgument = args[args.indexOf('--sizes') + 1];
const sizes = quick ? [100] : args.includes('--sizes') && sizesArgument ? sizesArgument.split(',').map(Number) : [100, 1000, 10000];
const BUILD_RUNS = quick ? 2 : 2;
const QUERY_RUNS = 5;
/** Comunica over an N3 Store needs ~2 GB per million triples and minutes per query beyond that. */
const COMUNICA_MAX_TRIPLES = 300_000;
/** Comunica runs in a child process killed after this long (load, a first run and two warm runs). */
const COMUNICA_TIMEOUT_MS = 30_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (seconds: number) => `${(seconds * 1000).toFixed(seconds < 0.01 ? 2 : 0)} ms`;

interface BuildMeasure {
  reports: number;
  triples: number;
  seconds: Record<string, number>;
  maxRssMiB: number;
  pairs: string[];
}

async function buildOnce(corpus: string): Promise<BuildMeasure> {
  const out = await mkdtemp(join(tmpdir(), 'peacegraph-bench-out-'));
  const { stdout } = await run('npx', ['tsx', 'bench/build-stages.ts', corpus, out], { maxBuffer: 1 << 30 });
  await rm(out, { recursive: true, force: true });
  return JSON.parse(stdout.trim().split('\n').pop()!) as BuildMeasure;
}

async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function timeRuns(work: () => Promise<unknown> | unknown, runs = QUERY_RUNS): Promise<{ first: number; warm: number }> {
  const first = await time(work);
  const warm: number[] = [];
  for (let index = 0; index < runs; index += 1) warm.push(await time(work));
  return { first, warm: median(warm) };
}

const lines: string[] = [];
const say = (line = '') => { lines.push(line); console.log(line); };
const checks: Array<[string, boolean, string]> = [];

say(`# peacegraph bench — ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, Node ${process.version}`);
say(`Command: npm run bench${quick ? ' -- --quick' : args.length ? ` -- ${args.join(' ')}` : ''}; medians of ${BUILD_RUNS} builds and ${QUERY_RUNS} warm query runs.`);
const queries = await listBundledQueries(BUNDLED.queries);

for (const size of sizes) {
  const corpusDir = await mkdtemp(join(tmpdir(), `peacegraph-corpus-${size}-`));
  const corpus = generateCorpus(size, 1);
  for (const report of corpus) await writeFile(join(corpusDir, report.fileName), report.text);
  const builds: BuildMeasure[] = [];
  for (let index = 0; index < BUILD_RUNS; index += 1) builds.push(await buildOnce(corpusDir));
  const stages = Object.keys(builds[0]!.seconds);
  const stageMedian = Object.fromEntries(stages.map((stage) => [stage, median(builds.map((build) => build.seconds[stage]!))]));
  const total = Object.values(stageMedian).reduce((sum, value) => sum + value, 0);
  const { triples } = builds[0]!;
  const peak = Math.max(...builds.map((build) => build.maxRssMiB));

  const wanted = new Set(corpus.flatMap((report) => report.people.map((person) => `${person.name}->${person.organisation}`)));
  const found = new Set(builds[0]!.pairs);
  const hits = [...found].filter((pair) => wanted.has(pair)).length;

  say();
  say(`## ${size} reports: ${triples.toLocaleString('en')} triples`);
  say('| stage | median | share |');
  say('|---|---|---|');
  for (const stage of stages) say(`| ${stage} | ${ms(stageMedian[stage]!)} | ${((100 * stageMedian[stage]!) / total).toFixed(0)}% |`);
  say(`| **total** | ${ms(total)} | ${(size / total).toFixed(0)} reports/s, ${(triples / total / 1000).toFixed(0)}k triples/s, peak RSS ${peak.toFixed(0)} MiB |`);
  say(`Extraction against the generator's own entities: person->organisation precision ${(hits / found.size).toFixed(3)}, recall ${(hits / wanted.size).toFixed(3)}.`);
  checks.push([`${size} reports: JSON-LD export <= 3x Turtle`, stageMedian['write JSON-LD']! <= 3 * stageMedian['write Turtle']!,
    `${(stageMedian['write JSON-LD']! / stageMedian['write Turtle']!).toFixed(2)}x`]);
  checks.push([`${size} reports: build >= 100k triples/s end to end`, triples / total >= 100_000, `${(triples / total / 1000).toFixed(0)}k/s`]);
  checks.push([`${size} reports: peak RSS <= 1.5 GB`, peak <= 1536, `${peak.toFixed(0)} MiB`]);

  // Queries: peacegraph's runner (Oxigraph in a worker) against raw Oxigraph and raw Comunica, same graph.
  const graphDir = await mkdtemp(join(tmpdir(), 'peacegraph-bench-graph-'));
  await run('npx', ['tsx', 'src/cli/main.ts', 'build', corpusDir, '--out', graphDir, '--quiet', '--no-validate'], { maxBuffer: 1 << 30 });
  const ntriples = await readFile(join(graphDir, 'graph.nt'));
  const rssBefore = process.memoryUsage().rss;
  const raw = new oxigraph.Store();
  raw.load(ntriples, { format: 'application/n-triples' });
  const rawRss = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  const engine = new LocalEngine([{ path: join(graphDir, 'graph.nt'), format: 'application/n-triples' }]);
  say();
  say(`Queries on the ${size}-report graph (RSS of the raw Oxigraph store after loading: ${rawRss.toFixed(0)} MiB)`);
  say('| query | peacegraph first | peacegraph warm | raw Oxigraph warm | ratio | raw Comunica warm |');
  say('|---|---|---|---|---|---|');
  for (const query of queries) {
    const form = parseQuery(query.text).form;
    const mine = await timeRuns(() => runQuery(query.text, { kind: 'local', engine }));
    const oxi = await timeRuns(() => raw.query(query.text, { use_default_graph_as_union: true, results_format: form === 'CONSTRUCT' ? 'application/n-triples' : 'application/sparql-results+json' }));
    let comunica = 'skipped (graph too large for an N3 Store)';
    if (triples <= COMUNICA_MAX_TRIPLES) {
      try {
        const { stdout } = await run('npx', ['tsx', 'bench/comunica-query.ts', join(graphDir, 'graph.nt'), query.path, '2'], { timeout: COMUNICA_TIMEOUT_MS, killSignal: 'SIGKILL' });
        comunica = ms((JSON.parse(stdout.trim()) as { warm: number }).warm);
      } catch {
        comunica = `> ${COMUNICA_TIMEOUT_MS / 1000} s (3 runs)`;
      }
    }
    const ratio = mine.warm / oxi.warm;
    say(`| ${query.name} | ${ms(mine.first)} | ${ms(mine.warm)} | ${ms(oxi.warm)} | ${ratio.toFixed(2)}x | ${comunica} |`);
    checks.push([`${size} reports: ${query.name} <= 1 s warm and <= 1.5x raw Oxigraph`, mine.warm <= 1 && ratio <= 1.5, `${ms(mine.warm)}, ${ratio.toFixed(2)}x`]);
  }
  await engine.close();
  await rm(graphDir, { recursive: true, force: true });
  await rm(corpusDir, { recursive: true, force: true });
}

say();
say('## Targets');
say('| target | result | measured |');
say('|---|---|---|');
for (const [target, passed, measured] of checks) say(`| ${target} | ${passed ? 'PASS' : 'FAIL'} | ${measured} |`);
await mkdir('bench/results', { recursive: true });
await writeFile(join('bench/results', `bench-${quick ? 'quick' : sizes.join('-')}.md`), `${lines.join('\n')}\n`);
