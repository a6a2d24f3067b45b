/**
 * The engines the bench compares peacegraph's runner with, on the same graph: raw Oxigraph in a
 * worker thread (bench/oxigraph-raw.ts) and raw Comunica over an N3 Store in a child process
 * (bench/comunica-query.ts), and the side-by-side timing of `peacegraph serve` and raw Oxigraph.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Worker } from 'node:worker_threads';
import type { RawRequest } from './oxigraph-raw.js';
import { median } from './format.js';
import type { BundledQuery } from '../src/query/bundled.js';
import { parseQuery } from '../src/query/sparql.js';
import { startWorker } from '../src/worker/start.js';

/** Raw Oxigraph in a worker thread (oxigraph-raw.ts): load once, time queries, restart after a stopped one. */
export class RawOxigraph {
  private worker: Worker | undefined;
  private loadSeconds = 0;

  constructor(private readonly graph: string) {}

  private async started(): Promise<Worker> {
    if (this.worker !== undefined) return this.worker;
    const worker = startWorker(import.meta.url, 'oxigraph-raw', this.graph);
    this.loadSeconds = await new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    this.worker = worker;
    return worker;
  }

  async load(): Promise<number> {
    await this.started();
    return this.loadSeconds;
  }

  /** One run's seconds, or undefined when it took longer than `timeoutMs`. */
  async time(request: RawRequest, timeoutMs: number): Promise<number | undefined> {
    const worker = await this.started();
    return new Promise((resolve, reject) => {
      const settle = (seconds: number | undefined): void => {
        clearTimeout(timer);
        worker.removeAllListeners('message').removeAllListeners('error');
        resolve(seconds);
      };
      const timer = setTimeout(() => {
        settle(undefined);
        void worker.terminate();
        this.worker = undefined;
      }, timeoutMs);
      worker.once('message', settle);
      worker.once('error', (error) => {
        settle(undefined);
        reject(error);
      });
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
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
export async function comunicaTimes(graph: string, queries: readonly BundledQuery[], limits: ComunicaLimits): Promise<Map<string, { first: number; warm: number }>> {
  const times = new Map<string, { first: number; warm: number }>();
  let remaining = [...queries];
  while (remaining.length > 0) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/comunica-query.ts', graph, String(limits.warmRuns), ...remaining.map((query) => query.path)], { stdio: ['ignore', 'pipe', 'inherit'] });
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
  /** Warm runs after the first, or `slowWarm` when a first run took over `slowSeconds`. */
  readonly warm: number;
  readonly slowWarm: number;
  readonly slowSeconds: number;
  /** A run longer than this is stopped. */
  readonly timeoutMs: number;
}

export interface SideBySide {
  readonly ours: { readonly first: number; readonly warm: number };
  readonly raw: { readonly first: number; readonly warm: number };
  /** Rows (or triples) of peacegraph's answer. */
  readonly rows: number;
}

/**
 * One request to `peacegraph serve` on loopback, as a SPARQL client sends it: the seconds it took
 * and the rows (or triples) of the answer, or undefined when the server's timeout stopped it.
 */
export async function serveRequest(url: string, text: string): Promise<{ seconds: number; rows: number } | undefined> {
  const graph = parseQuery(text).form === 'CONSTRUCT';
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', accept: graph ? 'application/n-triples' : 'application/sparql-results+json' },
    body: text,
  });
  const body = await response.text();
  const seconds = (performance.now() - started) / 1000;
  if (response.status === 503) return undefined;
  if (!response.ok) throw new Error(`serve answered HTTP ${response.status}: ${body.slice(0, 200)}`);
  const rows = graph ? body.split('\n').filter(Boolean).length : (JSON.parse(body) as { results?: { bindings: unknown[] } }).results?.bindings.length ?? 1;
  return { seconds, rows };
}

/**
 * A `peacegraph serve` request and raw Oxigraph on one query, run by turns (a first run each, then
 * warm runs alternating), so that both see the same moments of a shared machine. Undefined when a
 * run was stopped.
 */
export async function timeSideBySide(text: string, serveUrl: string, raw: RawOxigraph, runs: RunCounts): Promise<SideBySide | undefined> {
  let rows = 0;
  const ours = async (): Promise<number | undefined> => {
    const answer = await serveRequest(serveUrl, text);
    if (answer === undefined) return undefined;
    rows = answer.rows;
    return answer.seconds;
  };
  const request: RawRequest = { text, graphResult: parseQuery(text).form === 'CONSTRUCT' };
  const bare = (): Promise<number | undefined> => raw.time(request, runs.timeoutMs);
  const [ourFirst, rawFirst] = [await ours(), await bare()];
  if (ourFirst === undefined || rawFirst === undefined) return undefined;
  const warmRuns = Math.max(ourFirst, rawFirst) > runs.slowSeconds ? runs.slowWarm : runs.warm;
  const [ourWarm, rawWarm]: [number[], number[]] = [[], []];
  for (let index = 0; index < warmRuns; index += 1) {
    const [mine, theirs] = [await ours(), await bare()];
    if (mine === undefined || theirs === undefined) return undefined;
    ourWarm.push(mine);
    rawWarm.push(theirs);
  }
  return { ours: { first: ourFirst, warm: median(ourWarm) }, raw: { first: rawFirst, warm: median(rawWarm) }, rows };
}
