/**
 * The engines the bench compares peacegraph's runner with, on the same graph: raw Oxigraph in its
 * own process (bench/oxigraph-raw.ts) and raw Comunica over an N3 Store in a child process
 * (bench/comunica-query.ts), and the timing by turns of `peacegraph serve`, raw Oxigraph and
 * Virtuoso (bench/virtuoso.ts) on each query.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RawLoaded, RawRequest } from './oxigraph-raw.js';
import { answerRows, type Answer } from './answer-rows.js';
import { peakRss } from './process-memory.js';
import { median } from './format.js';
import type { BundledQuery } from '../src/query/bundled.js';
import { parseQuery } from '../src/query/sparql.js';
import { graphFilePaths, rdfFormat, type GraphFiles, type RdfFile } from '../src/query/rdf-files.js';

/** Formats of triples, as the local engine's default graph is read (quads files hold the reports' named graphs). */
const TRIPLE_FORMATS: ReadonlySet<string> = new Set(['application/n-triples', 'text/turtle']);

/**
 * The files of `files` that the local engine reads as its default graph (graph.nt, and whatever
 * rdf-files.ts lists beside it), for the other engines to load the same triples.
 */
export function defaultGraphFiles(files: GraphFiles): RdfFile[] {
  return graphFilePaths(files).flatMap((path) => (TRIPLE_FORMATS.has(rdfFormat(path)) ? [{ path, format: rdfFormat(path) }] : []));
}
/**
 * Raw Oxigraph in its own process (oxigraph-raw.ts), as `peacegraph serve` and Virtuoso run in
 * theirs: load once, time queries, restart after a stopped one.
 */
export class RawOxigraph {
  private child: ChildProcess | undefined;
  private loaded: RawLoaded = { loadSeconds: 0, port: 0 };

  constructor(private readonly graph: readonly RdfFile[]) {}

  private async started(): Promise<ChildProcess> {
    if (this.child !== undefined) return this.child;
    const child = fork(fileURLToPath(new URL('./oxigraph-raw.ts', import.meta.url)), [JSON.stringify(this.graph)], { execArgv: ['--import', 'tsx'] });
    this.loaded = await new Promise<RawLoaded>((resolve, reject) => {
      child.once('message', (message) => resolve(message as RawLoaded));
      child.once('exit', (code) => reject(new Error(`raw Oxigraph stopped while loading (exit code ${code})`)));
    });
    child.removeAllListeners('exit');
    this.child = child;
    return child;
  }

  async load(): Promise<number> {
    await this.started();
    return this.loaded.loadSeconds;
  }

  /** The process's peak resident memory, in bytes. */
  async peakRss(): Promise<number> {
    return peakRss((await this.started()).pid!);
  }

  /** The HTTP endpoint over the same store (a new port after a restart). */
  async url(): Promise<string> {
    await this.started();
    return `http://127.0.0.1:${this.loaded.port}/sparql`;
  }

  /** One run, or undefined when it took longer than `timeoutMs`. */
  async time(request: RawRequest, timeoutMs: number): Promise<Answer | undefined> {
    const child = await this.started();
    return new Promise((resolve, reject) => {
      const settle = (answer: Answer | undefined): void => {
        clearTimeout(timer);
        child.removeAllListeners('message').removeAllListeners('exit');
        resolve(answer);
      };
      const timer = setTimeout(() => {
        settle(undefined);
        void this.close();
      }, timeoutMs);
      child.once('message', (answer) => settle(answer as Answer));
      child.once('exit', (code) => {
        settle(undefined);
        this.child = undefined;
        reject(new Error(`raw Oxigraph stopped during a query (exit code ${code})`));
      });
      child.send(request);
    });
  }

  /** Stops the process (also one busy with a query that ran too long); the next use loads the graph again. */
  async close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

export interface ComunicaLimits {
  readonly warmRuns: number;
  /** Comunica's start and the graph's load into an N3 Store, before the first query's limit starts. */
  readonly loadMs: number;
  readonly queryMs: number;
}

/**
 * Raw Comunica's {first, warm} per query name, in a child process. A query that runs past the time
 * limit is stopped (the process is killed: Comunica does not yield to timers) and absent from the
 * map; the queries after it go on in a new process.
 */
export async function comunicaTimes(graph: readonly RdfFile[], queries: readonly BundledQuery[], limits: ComunicaLimits): Promise<Map<string, { first: number; warm: number }>> {
  const times = new Map<string, { first: number; warm: number }>();
  let remaining = [...queries];
  while (remaining.length > 0) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/comunica-query.ts', String(limits.warmRuns), ...graph.map((file) => file.path), ...remaining.map((query) => query.path)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let timer = setTimeout(() => child.kill('SIGKILL'), limits.loadMs + limits.queryMs);
    for await (const line of createInterface({ input: child.stdout })) {
      if (!line.startsWith('{')) continue;
      const { name, first, warm } = JSON.parse(line) as { name: string; first: number; warm: number };
      times.set(name, { first, warm });
      clearTimeout(timer);
      timer = setTimeout(() => child.kill('SIGKILL'), limits.queryMs);
    }
    clearTimeout(timer);
    // The first query without an answer is the one that was stopped (or all were answered).
    const stopped = remaining.findIndex((query) => !times.has(query.name));
    remaining = stopped < 0 ? [] : remaining.slice(stopped + 1);
  }
  return times;
}

export interface RunCounts {
  /** Warm runs after the first, or `slowWarm` when a first run took over `slowSeconds`, `fastWarm` when all took under `fastSeconds`. */
  readonly warm: number;
  readonly slowWarm: number;
  readonly slowSeconds: number;
  /** Millisecond queries: a median of a few runs moves with every stray pause of a shared machine, and more runs cost nothing. */
  readonly fastWarm: number;
  /**
   * Untimed turns before a millisecond query's warm runs. Its first 10-15 runs on each engine still
   * pay for V8's compilers (serve's JavaScript and WebAssembly, raw Oxigraph's, the client's own),
   * which made them 2-4x as slow as the later ones at 100 reports.
   */
  readonly fastWarmUp: number;
  readonly fastSeconds: number;
  /** A run longer than this is stopped. */
  readonly timeoutMs: number;
}

/** A run's seconds and the rows (or triples) of its answer; undefined when the run was stopped. */
export type Run = (text: string) => Promise<Answer | undefined>;

/** A SPARQL endpoint, and form fields sent with each query (Virtuoso's default-graph-uri). */
export interface HttpEndpoint {
  readonly url: string;
  readonly form?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One query over the SPARQL protocol on loopback, as a client sends it: a form-encoded POST (the
 * one request shape `peacegraph serve` and Virtuoso 7 both take), SPARQL results JSON or
 * N-Triples. Undefined when the engine's timeout (HTTP 503) or `timeoutMs` stopped it.
 */
export function httpRun(endpoint: HttpEndpoint, timeoutMs: number): Run {
  return async (text) => {
    const graph = parseQuery(text).form === 'CONSTRUCT';
    const started = performance.now();
    let response: Response;
    let body: string;
    try {
      response = await fetch(endpoint.url, {
        method: 'POST',
        headers: { ...endpoint.headers, 'content-type': 'application/x-www-form-urlencoded', accept: graph ? 'application/n-triples' : 'application/sparql-results+json' },
        body: new URLSearchParams({ ...endpoint.form, query: text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') return undefined;
      throw error;
    }
    const seconds = (performance.now() - started) / 1000;
    if (response.status === 503) return undefined;
    if (!response.ok) throw new Error(`${endpoint.url} answered HTTP ${response.status}: ${body.slice(0, 200)}`);
    return { seconds, rows: answerRows(body, graph) };
  };
}

/** Whether `endpoint` answers a SPARQL SELECT (a server without the route answers 404). */
export async function answersSelect(endpoint: HttpEndpoint): Promise<boolean> {
  return httpRun(endpoint, 10_000)('SELECT * WHERE {}').then((answer) => answer !== undefined, () => false);
}

/** Raw Oxigraph's runs, as the bench's other engines give them. */
export function rawRun(raw: RawOxigraph, timeoutMs: number): Run {
  return (text) => raw.time({ text, graphResult: parseQuery(text).form === 'CONSTRUCT' }, timeoutMs);
}

/** Raw Oxigraph's runs over its bare HTTP endpoint; a stopped run restarts its worker, still busy with the query. */
export function rawHttpRun(raw: RawOxigraph, timeoutMs: number): Run {
  return async (text) => {
    const answer = await httpRun({ url: await raw.url() }, timeoutMs)(text);
    if (answer === undefined) await raw.close();
    return answer;
  };
}

export interface Timing {
  readonly first: number;
  /** The median of the warm runs. */
  readonly warm: number;
  readonly rows: number;
}

/**
 * One query on several engines by turns (a first run each, then warm runs alternating, after
 * untimed ones for a millisecond query), so that all see the same moments of a shared machine. An
 * engine whose run was stopped is undefined in the answer and runs no more; the others go on.
 */
export async function timeByTurns(text: string, engines: ReadonlyMap<string, Run>, runs: RunCounts): Promise<Map<string, Timing | undefined>> {
  const answers = new Map<string, Answer[] | undefined>([...engines.keys()].map((name) => [name, []]));
  // Each warm turn starts with the next engine: the one that runs right after another on the same
  // query (raw Oxigraph over HTTP after raw Oxigraph without transport) would otherwise always find the
  // machine's caches warm, and the first of a turn always cold.
  const order = [...engines];
  let turns = 0;
  const turn = async (): Promise<void> => {
    const start = turns++ % order.length;
    for (const [name, run] of [...order.slice(start), ...order.slice(0, start)]) {
      const done = answers.get(name);
      if (done === undefined) continue;
      const answer = await run(text);
      answers.set(name, answer === undefined ? undefined : [...done, answer]);
    }
  };
  await turn();
  const firsts = [...answers.values()].map((done) => done?.[0]?.seconds ?? Infinity);
  const slowest = Math.max(...firsts);
  const fast = slowest < runs.fastSeconds;
  if (fast) {
    for (let index = 0; index < runs.fastWarmUp; index += 1) await turn();
    // Each engine keeps its first run; the warm-up's are not timed.
    for (const [name, done] of answers) if (done !== undefined) answers.set(name, done.slice(0, 1));
  }
  const warmRuns = slowest > runs.slowSeconds ? runs.slowWarm : fast ? runs.fastWarm : runs.warm;
  for (let index = 0; index < warmRuns; index += 1) await turn();
  return new Map([...answers].map(([name, done]) => [name, done === undefined ? undefined : {
    first: done[0]!.seconds,
    warm: done.length > 1 ? median(done.slice(1).map((answer) => answer.seconds)) : done[0]!.seconds,
    rows: done[0]!.rows,
  }]));
}
