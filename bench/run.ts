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
const BUILD_RUNS = 2;
/** A full-evidence build of 10,000 reports writes ~21M triples (minutes): measured once. */
const SINGLE_RUN_FROM_REPORTS = 5000;
const QUERY_RUNS = quick ? 3 : 5;
/** Comunica over an N3 Store needs ~2 GB per million triples and minutes per query beyond that. */
const COMUNICA_MAX_TRIPLES = 500_000;
/** Comunica answers every query in one child process, killed after this long. */
const COMUNICA_TIMEOUT_MS = quick ? 20_000 : 150_000;
const COMUNICA_WARM_RUNS = quick ? 1 : 2;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (seconds: number) => `${(seconds * 1000).toFixed(seconds < 0.01 ? 2 : 0)} ms`;
const s1 = (seconds: number) => `${seconds.toFixed(1)} s`;

interface BuildMeasure {
  reports: number;
  triples: number;
  /** Thread-seconds per stage, and `wall`: the build from start to renamed files. */
  seconds: Record<string, number>;
  maxRssMiB: number;
  pairs: string[];
}

async function buildOnce(corpus: string, out: string, jobs: number, evidence: boolean): Promise<BuildMeasure> {
  const { stdout } = await run('npx', ['tsx', 'bench/build-once.ts', corpus, out, String(jobs), evidence ? '1' : '0'], { maxBuffer: 1 << 30 });
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

/** Raw Comunica's {first, warm} per query name; queries it did not reach in time are absent. */
async function comunicaTimes(graph: string, queryFiles: readonly string[]): Promise<Map<string, { first: number; warm: number }>> {
  const times = new Map<string, { first: number; warm: number }>();
  const output = await run('npx', ['tsx', 'bench/comunica-query.ts', graph, String(COMUNICA_WARM_RUNS), ...queryFiles], {
    timeout: COMUNICA_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1 << 24,
  }).then(({ stdout }) => stdout, (error: { stdout?: string }) => error.stdout ?? '');
  for (const line of output.split('\n').filter((text) => text.startsWith('{'))) {
    const { name, first, warm } = JSON.parse(line) as { name: string; first: number; warm: number };
    times.set(name, { first, warm });
  }
  return times;
}

const lines: string[] = [];
const say = (line = '') => { lines.push(line); console.log(line); };
const checks: Array<[string, boolean, string]> = [];
const peaks = new Map<string, number>();

say(`# peacegraph bench — ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, Node ${process.version}`);
say(`Command: npm run bench${quick ? ' -- --quick' : args.length ? ` -- ${args.join(' ')}` : ''}. Builds run \`peacegraph build\`'s pipeline (src/corpus/build.ts: ` +
  'extract, map, write Turtle, N-Triples, TriG, N-Quads, JSON-LD and the event pages; no SHACL check) in a child process with one worker ' +
  `thread per core; wall times are medians of ${BUILD_RUNS} builds (one at ${SINGLE_RUN_FROM_REPORTS.toLocaleString('en')}+ reports with evidence). ` +
  `Stage figures are thread-seconds summed over the threads. Queries: median of ${QUERY_RUNS} warm runs after a first run.`);
const queries = await listBundledQueries(BUNDLED.queries);

for (const size of sizes) {
  const corpusDir = await mkdtemp(join(tmpdir(), `peacegraph-corpus-${size}-`));
  const corpus = generateCorpus(size, 1);
  for (const report of corpus) await writeFile(join(corpusDir, report.fileName), report.text);
  const graphDir = await mkdtemp(join(tmpdir(), 'peacegraph-bench-graph-'));
  const scratch = await mkdtemp(join(tmpdir(), 'peacegraph-bench-out-'));

  say();
  say(`## ${size.toLocaleString('en')} reports`);
  say('| graph | triples | build (wall) | reports/s | triples/s | 1 thread | 2+ threads speed-up | peak RSS |');
  say('|---|---|---|---|---|---|---|---|');
  const stageTables: string[] = [];
  let facts: BuildMeasure | undefined;
  for (const evidence of [false, true]) {
    const label = evidence ? 'with evidence (default)' : 'facts only (--no-evidence)';
    const runs = evidence && size >= SINGLE_RUN_FROM_REPORTS ? 1 : BUILD_RUNS;
    const builds: BuildMeasure[] = [];
    // The facts-only graph of the last run is kept for the queries.
    for (let index = 0; index < runs; index += 1) builds.push(await buildOnce(corpusDir, evidence ? scratch : graphDir, 0, evidence));
    const single = size >= SINGLE_RUN_FROM_REPORTS && evidence ? undefined : await buildOnce(corpusDir, scratch, 1, evidence);
    const wall = median(builds.map((build) => build.seconds.wall!));
    const { triples } = builds[0]!;
    const peak = Math.max(...builds.map((build) => build.maxRssMiB));
    peaks.set(`${size}/${evidence}`, peak);
    if (!evidence) facts = builds[0];
    say(`| ${label} | ${triples.toLocaleString('en')} | ${s1(wall)} | ${(size / wall).toFixed(0)} | ${(triples / wall / 1000).toFixed(0)}k | ` +
      `${single === undefined ? 'not run' : s1(single.seconds.wall!)} | ${single === undefined ? '' : `${(single.seconds.wall! / wall).toFixed(2)}x`} | ${peak.toFixed(0)} MiB |`);
    const stages = Object.keys(builds[0]!.seconds).filter((stage) => stage !== 'wall');
    const stageMedian = Object.fromEntries(stages.map((stage) => [stage, median(builds.map((build) => build.seconds[stage] ?? 0))]));
    const busy = Object.values(stageMedian).reduce((sum, value) => sum + value, 0);
    stageTables.push(`Thread-seconds by stage, ${label}: ` + stages
      .sort((a, b) => stageMedian[b]! - stageMedian[a]!)
      .map((stage) => `${stage} ${stageMedian[stage]!.toFixed(2)} s (${((100 * stageMedian[stage]!) / busy).toFixed(0)}%)`).join(', ') + '.');
    const tag = `${size} reports, ${evidence ? 'with evidence' : 'facts only'}`;
    checks.push([`${tag}: build >= 100k triples/s end to end`, triples / wall >= 100_000, `${(triples / wall / 1000).toFixed(0)}k/s`]);
    checks.push([`${tag}: peak RSS <= 1.5 GB`, peak <= 1536, `${peak.toFixed(0)} MiB`]);
    checks.push([`${tag}: JSON-LD export <= 3x Turtle`, stageMedian['write JSON-LD']! <= 3 * stageMedian['write Turtle']!,
      `${(stageMedian['write JSON-LD']! / stageMedian['write Turtle']!).toFixed(2)}x`]);
  }
  for (const table of stageTables) say(table);

  const wanted = new Set(corpus.flatMap((report) => report.people.map((person) => `${person.name}->${person.acronym}`)));
  const found = new Set(facts!.pairs);
  const hits = [...found].filter((pair) => wanted.has(pair)).length;
  say(`Extraction against the generator's own entities (person -> organisation acronym): precision ${(hits / found.size).toFixed(3)}, recall ${(hits / wanted.size).toFixed(3)}.`);

  // Queries: peacegraph's runner (Oxigraph in a worker) against raw Oxigraph and raw Comunica, same graph.
  const graphFile = join(graphDir, 'graph.nt');
  const ntriples = await readFile(graphFile);
  const rssBefore = process.memoryUsage().rss;
  const raw = new oxigraph.Store();
  raw.load(ntriples, { format: 'application/n-triples' });
  const rawRss = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  const engine = new LocalEngine([{ path: graphFile, format: 'application/n-triples' }]);
  const comunica = facts!.triples <= COMUNICA_MAX_TRIPLES ? await comunicaTimes(graphFile, queries.map((query) => query.path)) : undefined;
  say();
  say(`Queries on the facts-only graph (${facts!.triples.toLocaleString('en')} triples; RSS of a raw Oxigraph store after loading it: ${rawRss.toFixed(0)} MiB)`);
  say('| query | peacegraph first | peacegraph warm | raw Oxigraph warm | ratio | raw Comunica warm |');
  say('|---|---|---|---|---|---|');
  for (const query of queries) {
    const form = parseQuery(query.text).form;
    const mine = await timeRuns(() => runQuery(query.text, { kind: 'local', engine }));
    const oxi = await timeRuns(() => raw.query(query.text, { use_default_graph_as_union: true, results_format: form === 'CONSTRUCT' ? 'application/n-triples' : 'application/sparql-results+json' }));
    const theirs = comunica?.get(query.name);
    const comunicaCell = comunica === undefined ? 'skipped (graph too large for an N3 Store)' : theirs === undefined ? `not reached in ${COMUNICA_TIMEOUT_MS / 1000} s` : ms(theirs.warm);
    const ratio = mine.warm / oxi.warm;
    say(`| ${query.name} | ${ms(mine.first)} | ${ms(mine.warm)} | ${ms(oxi.warm)} | ${ratio.toFixed(2)}x | ${comunicaCell} |`);
    checks.push([`${size} reports: ${query.name} <= 1 s warm and <= 1.5x raw Oxigraph`, mine.warm <= 1 && ratio <= 1.5, `${ms(mine.warm)}, ${ratio.toFixed(2)}x`]);
  }
  await engine.close();
  for (const dir of [graphDir, scratch, corpusDir]) await rm(dir, { recursive: true, force: true });
}

if (sizes.length > 1) {
  const [smallest, largest] = [sizes[0]!, sizes.at(-1)!];
  say();
  say(`Streaming: peak RSS of the build at ${largest.toLocaleString('en')} reports against ${smallest.toLocaleString('en')} ` +
    `(${(largest / smallest).toFixed(0)}x the triples): facts only ${(peaks.get(`${largest}/false`)! / peaks.get(`${smallest}/false`)!).toFixed(2)}x, ` +
    `with evidence ${(peaks.get(`${largest}/true`)! / peaks.get(`${smallest}/true`)!).toFixed(2)}x.`);
}

say();
say('## Targets');
say('| target | result | measured |');
say('|---|---|---|');
for (const [target, passed, measured] of checks) say(`| ${target} | ${passed ? 'PASS' : 'FAIL'} | ${measured} |`);
await mkdir('bench/results', { recursive: true });
await writeFile(join('bench/results', `bench-${quick ? 'quick' : sizes.join('-')}.md`), `${lines.join('\n')}\n`);
