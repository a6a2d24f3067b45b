/**
 * The local engine: Oxigraph in-memory stores (fast at corpus scale, ~450 MB for 1M triples) in a
 * pool of worker threads, each with its own copy of the graph. The default graph holds each triple
 * once, as graph.nt does; GRAPH patterns, FROM and FROM NAMED reach each report's named graph
 * (load-store.ts).
 *
 * A worker is replaced when its query times out, when the WebAssembly engine traps (its memory is
 * then corrupt), when it crashes, or when its memory grew past the limit. With several workers,
 * long queries may hold all workers but one: a query that turns long while the others are taken is
 * stopped, so a short query always finds a worker within about `longQueryMs`.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Term } from '@rdfjs/types';
import { startWorker } from '../worker/start.js';
import type { QueryResult } from './result.js';
import { fromEngineJson } from './results-json.js';
import { fromEngineNTriples } from './engine-graph.js';
import { checkLimits, DEFAULT_LIMITS, QueryRefusedError, QuerySyntaxError, type PageWindow, type QueryLimits } from './sparql.js';
import { graphFilePaths, type GraphFiles } from './rdf-files.js';
import type { LoadProgress } from './load-store.js';
import { StoppedQueries, type StoppedQuery } from './stopped-queries.js';
import { KeptAnswers, pageOf } from './kept-answers.js';
import {
  toWireTerm, type AnsweredReply, type QueryShape, type WorkerData, type WorkerFailure, type WorkerMessage, type WorkerReply, type WorkerRequest, type WrittenTable,
} from './oxigraph-protocol.js';
import type { TableFormat } from './table-text.js';
import type { InlineAnswers } from './inline-answers.js';

export class QueryTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`query timed out after ${timeoutMs} ms`);
    this.name = 'QueryTimeoutError';
  }
}

/** No worker free in time, or a long query stopped to keep a worker for short ones: try again later. */
export class EngineBusyError extends Error {
  constructor(message: string, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = 'EngineBusyError';
  }
}

/** The engine failed on this query (a WebAssembly trap, a crash, memory past the limit); its worker was replaced. */
export class EngineFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineFailedError';
  }
}

export interface EngineOptions {
  /** Worker threads; each holds a copy of the graph. Default 1. */
  readonly workers?: number;
  /** A worker whose memory grew by more than this since its graph was loaded is replaced. */
  readonly maxQueryMemoryMb?: number;
  /** With several workers: when all workers but one run queries older than this, a query turning this old is stopped. */
  readonly longQueryMs?: number;
  /** How long a query may wait for a free worker. Default: as long as it takes. */
  readonly maxWaitMs?: number;
  /** Queries waiting beyond this many are refused at once. */
  readonly maxQueue?: number;
  /**
   * Loaded workers kept in reserve, each with a copy of the graph: a worker replaced after a
   * timeout or trap is swapped for one at once instead of leaving its place empty while a new one
   * loads. Default 0.
   */
  readonly spares?: number;
  /** A query that timed out or trapped the engine is refused at once when sent again within this time. Default: never. */
  readonly refuseStoppedMs?: number;
  readonly limits?: QueryLimits;
  /** Load the whole graph when a worker starts (a server); otherwise each query loads what it reads. */
  readonly preload?: boolean;
  /** Loading progress, of the least advanced worker loading. */
  readonly onProgress?: (progress: LoadProgress) => void;
  /**
   * Rows of ordered SELECT answers kept whole for paging (kept-answers.ts says why), over all
   * answers; 0 or unset: each page runs the query with OFFSET and LIMIT.
   */
  readonly pageCacheRows?: number;
  /**
   * Requests a worker answered from the facts' store within this many milliseconds are answered on
   * the engine's own thread when asked again, from a copy of that store loaded there
   * (inline-answers.ts says why). 0 or unset: every request goes to a worker.
   */
  readonly inlineMs?: number;
}

/** Workers for a server: one per core, at least 2 (one can run a long query while the other answers), at most 4. */
export function defaultWorkerCount(): number {
  return Math.max(2, Math.min(availableParallelism(), 4));
}

export interface LocalQuery {
  readonly text: string;
  readonly bindings?: ReadonlyMap<string, Term>;
  readonly timeoutMs?: number;
  /** Cut the answer at this many rows (or triples); the query's LIMIT is bounded by it. */
  readonly maxRows?: number;
  /** A SELECT answers this page only (in place of maxRows). */
  readonly page?: PageWindow;
  /** Compute the page afresh, neither from nor into the kept answers. */
  readonly fresh?: boolean;
  /** A SELECT's answer is written as this text by the worker (an answer only printed need not cross as rows); a kept page is not. */
  readonly write?: TableFormat;
}

export interface LocalAnswer {
  readonly query: QueryShape;
  readonly result: QueryResult;
  /** Cut at maxRows; for a page, more rows follow it. */
  readonly truncated: boolean;
}

/** A SELECT's answer as the worker wrote it (LocalQuery.write). */
export interface WrittenAnswer {
  readonly query: QueryShape;
  readonly written: WrittenTable;
  readonly truncated: boolean;
}

type Outcome = { readonly reply: WorkerReply } | { readonly error: Error };

interface Job {
  readonly request: WorkerRequest;
  /** Identifies the query among stopped ones (StoppedQueries.key). */
  readonly key: string;
  readonly timeoutMs?: number;
  readonly settle: (outcome: Outcome) => void;
  waitTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  state: 'loading' | 'idle' | 'busy' | 'failed';
  job?: Job;
  /** The running query is older than longQueryMs. */
  long: boolean;
  timers: NodeJS.Timeout[];
  /** Memory right after loading the graph. */
  baseBytes: number;
  /** When the worker was started (performance.now()). */
  startedAt: number;
  /** While the worker loads graph files: how far it got. */
  progress?: LoadProgress;
}

const RUNTIME_MESSAGE = 'the query engine failed on this query';
const MIN_RETRY_SECONDS = 2;

export class LocalEngine {
  private readonly slots: Slot[] = [];
  private readonly spares: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly limits: QueryLimits;
  private loadError: string | undefined;
  private closed = false;
  private nextId = 1;
  private replacedCount = 0;
  /** How long the last worker took to start and load the graph. */
  private lastLoadMs = 0;
  private readonly loaded: Promise<void>;
  private readonly stopped: StoppedQueries | undefined;
  private readonly kept: KeptAnswers | undefined;
  private inline: InlineAnswers | undefined;
  /** While the copy of the facts for inline answers loads: how far it got. */
  private inlineProgress: LoadProgress | undefined;
  private readonly inlineLoaded: Promise<void>;
  private markLoaded: () => void = () => undefined;
  private markLoadFailed: (error: Error) => void = () => undefined;

  constructor(private readonly files: GraphFiles, private readonly options: EngineOptions = {}) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.stopped = options.refuseStoppedMs === undefined ? undefined : new StoppedQueries(options.refuseStoppedMs);
    this.kept = options.pageCacheRows ? new KeptAnswers(options.pageCacheRows) : undefined;
    this.loaded = new Promise<void>((resolve, reject) => {
      this.markLoaded = resolve;
      this.markLoadFailed = reject;
    });
    // Awaited through ready(); a failed load also fails each query, so nobody has to await it.
    this.loaded.catch(() => undefined);
    for (let index = 0; index < Math.max(1, options.workers ?? 1); index += 1) this.slots.push(this.newSlot());
    for (let index = 0; index < (options.spares ?? 0); index += 1) this.spares.push(this.newSlot());
    // Once the workers are loaded: this thread loading its copy meanwhile would hold up their progress messages.
    const inlineMs = options.inlineMs;
    this.inlineLoaded = inlineMs ? this.loaded.then(() => this.loadInline(inlineMs)) : Promise.resolve();
    this.inlineLoaded.catch(() => undefined);
  }

  private async loadInline(maxMs: number): Promise<void> {
    // Imported here only: Oxigraph on this thread is for a server's copy of the facts.
    const { InlineAnswers } = await import('./inline-answers.js');
    this.inline = await InlineAnswers.load(this.files, maxMs, (progress) => {
      this.inlineProgress = progress;
      this.reportLeastProgress();
    });
    this.inlineProgress = undefined;
  }

  private newSlot(): Slot {
    const slot: Slot = { state: 'loading', long: false, timers: [], baseBytes: 0, startedAt: 0, worker: undefined as unknown as Worker };
    this.spawn(slot);
    return slot;
  }

  /** Workers replaced so far (timeouts, traps, crashes, memory growth, stopped long queries): for monitoring. */
  get replacements(): number {
    return this.replacedCount;
  }

  /** Requests answered on the engine's own thread so far (EngineOptions.inlineMs): for monitoring. */
  get inlineAnswers(): number {
    return this.inline?.answered ?? 0;
  }

  /** Resolves when every worker has loaded the graph (and the engine its copy of the facts); rejects with the load error. */
  async ready(): Promise<void> {
    await Promise.all([this.loaded, this.inlineLoaded]);
  }

  async query(query: LocalQuery & { readonly write: TableFormat | undefined }): Promise<LocalAnswer | WrittenAnswer>;
  async query(query: LocalQuery & { readonly write?: undefined }): Promise<LocalAnswer>;
  async query(query: LocalQuery): Promise<LocalAnswer | WrittenAnswer> {
    checkLimits(query.text, this.limits);
    const bindings = [...(query.bindings ?? new Map<string, Term>())].map(([name, term]) => [name, toWireTerm(term)] as const);
    const { page } = query;
    const kept = this.kept;
    if (page === undefined || kept === undefined || query.fresh) return this.answer(query, bindings);
    const key = KeptAnswers.key(query.text, bindings);
    let computed: (LocalAnswer & { whole?: boolean }) | undefined;
    const whole = await kept.getOrCompute(key, async () => {
      computed = answerOf(await this.run(query, bindings, kept.maxRows));
      const { result } = computed;
      // Not an ordered SELECT (the page itself came back), or too large to keep.
      if (!computed.whole || computed.truncated || result.kind !== 'bindings') return undefined;
      return { shape: computed.query, variables: result.variables, rows: result.rows };
    });
    if (whole !== undefined) return pageOf(whole, page);
    if (computed === undefined) return this.answer(query, bindings);
    if (!computed.whole) return computed;
    // Larger than the rows kept: its first rows still hold the pages that lie within them.
    const prefix = computed.result;
    if (prefix.kind === 'bindings' && page.offset + page.size < prefix.rows.length) {
      return pageOf({ shape: computed.query, variables: prefix.variables, rows: prefix.rows }, page);
    }
    return this.answer(query, bindings);
  }

  /** The query's answer, written by the worker when `query.write` asks. */
  private async answer(query: LocalQuery, bindings: WorkerRequest['bindings']): Promise<LocalAnswer | WrittenAnswer> {
    const reply = await this.run(query, bindings, undefined, query.write);
    return reply.written === undefined ? answerOf(reply) : { query: reply.query, written: reply.written, truncated: reply.truncated };
  }

  private async run(query: LocalQuery, bindings: WorkerRequest['bindings'], wholeIfOrdered?: number, write?: TableFormat): Promise<AnsweredReply> {
    const request: WorkerRequest = {
      id: this.nextId++,
      query: query.text,
      bindings,
      maxRows: query.maxRows,
      page: query.page,
      wholeIfOrdered,
      limits: this.limits,
      write,
    };
    const key = StoppedQueries.key(query.text, JSON.stringify([request.bindings, query.page]), query.maxRows);
    const earlier = this.stopped?.find(key);
    if (earlier !== undefined) throw repeatedStop(earlier.stopped, earlier.remainingMs);
    const inline = await this.inline?.answer(request);
    if (inline !== undefined) return inline;
    const outcome = await new Promise<Outcome>((resolve) => {
      let settled = false;
      this.enqueue({
        request, key, timeoutMs: query.timeoutMs,
        settle: (value) => {
          if (!settled) resolve(value);
          settled = true;
        },
      });
    });
    if ('error' in outcome) throw outcome.error;
    const reply = outcome.reply;
    if (!reply.ok) throw failureError(reply.failure);
    this.inline?.learn(request, reply);
    return reply;
  }

  /** Stops the workers; until then they keep the process alive. */
  async close(): Promise<void> {
    this.closed = true;
    const closed = new Error('engine closed');
    for (const job of this.queue.splice(0)) this.finish(job, { error: closed });
    await Promise.all([...this.slots, ...this.spares].map((slot) => {
      if (slot.job) this.finish(slot.job, { error: closed });
      this.clearSlot(slot);
      slot.state = 'failed';
      return slot.worker.terminate();
    }));
  }

  private spawn(slot: Slot): void {
    const limitMb = this.options.maxQueryMemoryMb;
    // The JS heap holds parse trees and result text; the graph lives in WebAssembly memory, outside it.
    const data: WorkerData = { files: this.files, preload: this.options.preload ?? false };
    const worker = startWorker(import.meta.url, 'oxigraph-worker', data,
      limitMb === undefined ? {} : { maxOldGenerationSizeMb: limitMb + 256 });
    slot.worker = worker;
    slot.state = 'loading';
    slot.startedAt = performance.now();
    worker.on('message', (message: WorkerMessage) => {
      if (slot.worker === worker) this.onMessage(slot, message);
    });
    const crashed = (error: Error) => {
      if (slot.worker === worker && !this.closed) this.onCrash(slot, error);
    };
    worker.on('error', crashed);
    worker.on('exit', (code) => crashed(new Error(`the query worker stopped (exit code ${code})`)));
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if ('progress' in message) return this.reportProgress(slot, message.progress);
    slot.progress = undefined;
    if ('status' in message) {
      if (message.status === 'load-failed') return this.loadFailed(slot, message.error);
      slot.state = 'idle';
      slot.baseBytes = message.memoryBytes;
      this.lastLoadMs = performance.now() - slot.startedAt;
      if ([...this.slots, ...this.spares].every((each) => each.state !== 'loading')) this.markLoaded();
      return this.dispatch();
    }
    const job = slot.job;
    if (job === undefined || job.request.id !== message.id) return;
    this.clearSlot(slot);
    if (!message.ok && message.failure.kind === 'trap') {
      this.failStopped(job, new EngineFailedError(`${RUNTIME_MESSAGE} (${message.failure.message}); the engine was restarted`));
      return this.replace(slot);
    }
    this.finish(job, { reply: message });
    const limitMb = this.options.maxQueryMemoryMb;
    if (limitMb !== undefined && message.memoryBytes - slot.baseBytes > limitMb * 1024 * 1024) return this.replace(slot);
    slot.state = 'idle';
    this.dispatch();
  }

  private reportProgress(slot: Slot, progress: LoadProgress): void {
    slot.progress = progress;
    this.reportLeastProgress();
  }

  /** Every worker loads at once when the engine starts, the least advanced telling when all are done; then the engine's copy of the facts. */
  private reportLeastProgress(): void {
    const loading = [...this.slots, ...this.spares].flatMap((each) => each.progress ?? []).concat(this.inlineProgress ?? []);
    const done = (progress: LoadProgress): number => progress.bytes / Math.max(1, progress.totalBytes);
    this.options.onProgress?.(loading.reduce((least, each) => (done(each) < done(least) ? each : least)));
  }

  private onCrash(slot: Slot, error: Error): void {
    slot.progress = undefined;
    if (slot.state === 'loading') return this.loadFailed(slot, `cannot load ${graphFilePaths(this.files).join(', ')}: ${error.message}`);
    if (slot.job) {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.finish(slot.job, {
        error: new EngineFailedError(outOfMemory
          ? `${RUNTIME_MESSAGE}: it needed more than the ${this.options.maxQueryMemoryMb} MB allowed to one query; the engine was restarted`
          : `${RUNTIME_MESSAGE} (${error.message}); the engine was restarted`),
      });
    }
    this.replace(slot);
  }

  /** A graph that does not load will not load on a retry: every query is refused with the reason. */
  private loadFailed(slot: Slot, message: string): void {
    this.loadError ??= message;
    slot.state = 'failed';
    void slot.worker.terminate();
    this.markLoadFailed(new Error(this.loadError));
    for (const job of this.queue.splice(0)) this.finish(job, { error: new Error(this.loadError) });
  }

  /** A new worker in the slot's place: a loaded spare if there is one (the slot then loads as the new spare). */
  private replace(slot: Slot): void {
    this.clearSlot(slot);
    void slot.worker.terminate();
    if (this.closed) return;
    this.replacedCount += 1;
    const position = this.slots.indexOf(slot);
    const spare = this.spares.findIndex((each) => each.state === 'idle');
    if (position !== -1 && spare !== -1) {
      this.slots[position] = this.spares[spare]!;
      this.spares[spare] = slot;
    }
    this.spawn(slot);
    this.dispatch();
  }

  private clearSlot(slot: Slot): void {
    for (const timer of slot.timers) clearTimeout(timer);
    slot.timers = [];
    slot.job = undefined;
    slot.long = false;
  }

  private finish(job: Job, outcome: Outcome): void {
    clearTimeout(job.waitTimer);
    job.settle(outcome);
  }

  private enqueue(job: Job): void {
    if (this.closed) return this.finish(job, { error: new Error('engine closed') });
    if (this.loadError !== undefined) return this.finish(job, { error: new Error(this.loadError) });
    if (this.options.maxQueue !== undefined && this.queue.length >= this.options.maxQueue) {
      return this.finish(job, { error: new EngineBusyError(`too many queries waiting (${this.queue.length}); try again later`) });
    }
    this.queue.push(job);
    const maxWaitMs = this.options.maxWaitMs;
    if (maxWaitMs !== undefined) {
      job.waitTimer = setTimeout(() => {
        const index = this.queue.indexOf(job);
        if (index !== -1) this.queue.splice(index, 1);
        this.finish(job, { error: new EngineBusyError(`no query worker became free within ${maxWaitMs} ms; try again later`) });
      }, maxWaitMs);
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.state === 'idle') this.assign(slot, this.queue.shift()!);
    }
  }

  private assign(slot: Slot, job: Job): void {
    clearTimeout(job.waitTimer);
    slot.state = 'busy';
    slot.job = job;
    slot.worker.postMessage(job.request);
    if (job.timeoutMs !== undefined) {
      const timeoutMs = job.timeoutMs;
      slot.timers.push(setTimeout(() => this.stop(slot, new QueryTimeoutError(timeoutMs)), timeoutMs));
    }
    const longQueryMs = this.options.longQueryMs;
    if (longQueryMs !== undefined && this.slots.length > 1) {
      slot.timers.push(setTimeout(() => this.turnedLong(slot), longQueryMs));
    }
  }

  /** Keeps one worker for short queries: long ones may hold all workers that are up but one. */
  private turnedLong(slot: Slot): void {
    slot.long = true;
    const long = this.slots.filter((each) => each.state === 'busy' && each.long).length;
    const up = this.slots.filter((each) => each.state === 'busy' || each.state === 'idle').length;
    if (long > Math.max(1, up - 1)) {
      // Stopping it costs a worker reload: ask the client to come back once one has had time to load.
      this.stop(slot, new EngineBusyError(
        `query stopped after ${this.options.longQueryMs} ms: the other query workers are busy with long queries, and one is kept for short ones; try again later`,
        Math.max(MIN_RETRY_SECONDS, Math.ceil((2 * this.lastLoadMs) / 1000))));
    }
  }

  /**
   * Ends the slot's query with `error` and replaces the worker. Queries that time out or trap are
   * remembered (they would again); one stopped for turning long while others held the workers is
   * not: that depends on the load of the moment, and its client is told when to retry.
   */
  private stop(slot: Slot, error: Error): void {
    if (slot.job) {
      if (error instanceof EngineBusyError) this.finish(slot.job, { error });
      else this.failStopped(slot.job, error);
    }
    this.replace(slot);
  }

  private failStopped(job: Job, error: Error): void {
    this.stopped?.remember(job.key, error);
    this.finish(job, { error });
  }
}

/** A worker's reply (not written) as an answer. */
function answerOf(reply: AnsweredReply): LocalAnswer & { whole?: boolean } {
  const result: QueryResult = reply.ntriples !== undefined
    ? fromEngineNTriples(reply.ntriples)
    : fromEngineJson(reply.resultsJson!, reply.query.form === 'ASK' ? 'ASK' : 'SELECT');
  return { query: reply.query, result, truncated: reply.truncated, whole: reply.whole };
}

/** The refusal of a query sent again soon after it had to be stopped: the same kind of error, saying so. */
function repeatedStop(stopped: StoppedQuery, remainingMs: number): Error {
  const seconds = Math.ceil(remainingMs / 1000);
  const message = `${stopped.error.message} (${Math.round((Date.now() - stopped.at) / 1000)} s ago: the same query is refused for ${seconds} s more)`;
  return stopped.error instanceof EngineFailedError ? new EngineFailedError(message) : new EngineBusyError(message, seconds);
}

function failureError(failure: WorkerFailure): Error {
  switch (failure.kind) {
    case 'syntax': return new QuerySyntaxError(failure.message, failure.line, failure.column);
    case 'refused': return new QueryRefusedError(failure.message, failure.reason);
    case 'trap': return new EngineFailedError(failure.message);
    case 'failed': return new Error(failure.message);
  }
}
