/**
 * The local engine: an Oxigraph in-memory store (fast at corpus scale, ~450 MB for 1M triples) in a
 * worker thread. The default graph holds each triple once, as graph.nt does; GRAPH patterns reach
 * each report's named graph (load-store.ts).
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker/start.js';
import { Parser } from 'n3';
import type { QueryResult } from './result.js';
import { fromResultsJson, type ResultsJson } from './results-json.js';
import type { QueryForm } from './sparql.js';
import type { GraphFiles } from './rdf-files.js';
import type { WorkerData, WorkerProgress, WorkerReply, WorkerRequest } from './oxigraph-protocol.js';
import type { LoadProgress } from './load-store.js';

export interface LocalEngineOptions {
  /** Load the whole graph when the worker starts (a server); otherwise each query loads what it reads. */
  readonly preload?: boolean;
  readonly onProgress?: (progress: LoadProgress) => void;
}

export class QueryTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`query timed out after ${timeoutMs} ms`);
    this.name = 'QueryTimeoutError';
  }
}

interface Pending {
  readonly request: WorkerRequest;
  readonly resolve: (reply: WorkerReply) => void;
  readonly reject: (error: Error) => void;
}

export class LocalEngine {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly files: GraphFiles, private readonly options: LocalEngineOptions = {}) {}

  private start(): Worker {
    const data: WorkerData = { files: this.files, preload: this.options.preload ?? false };
    const worker = startWorker(import.meta.url, 'oxigraph-worker', data);
    worker.on('message', (reply: WorkerReply | WorkerProgress) => {
      if ('progress' in reply) {
        this.options.onProgress?.(reply.progress);
        return;
      }
      const entry = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      entry?.resolve(reply);
    });
    worker.on('error', (error) => this.failAll(error));
    return worker;
  }

  private failAll(error: Error): void {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
    this.worker = undefined;
  }

  private send(entry: Pending): void {
    this.worker ??= this.start();
    this.pending.set(entry.request.id, entry);
    this.worker.postMessage(entry.request);
  }

  /** Restarts the worker after a timeout; the other queries in flight are sent again. */
  private restart(): void {
    const others = [...this.pending.values()];
    this.pending.clear();
    void this.worker?.terminate();
    this.worker = undefined;
    for (const entry of others) this.send(entry);
  }

  async query(text: string, form: QueryForm, timeoutMs?: number): Promise<QueryResult> {
    const request: WorkerRequest = { id: this.nextId++, query: text, form };
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = <T>(callback: (value: T) => void) => (value: T) => {
        if (timer !== undefined) clearTimeout(timer);
        callback(value);
      };
      this.send({ request, resolve: settle(resolve), reject: settle(reject) });
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.pending.delete(request.id);
          this.restart();
          reject(new QueryTimeoutError(timeoutMs));
        }, timeoutMs);
      }
    });
    if (!reply.ok) throw new Error(reply.error);
    if (form === 'CONSTRUCT' || form === 'DESCRIBE') {
      return { kind: 'quads', quads: new Parser({ format: 'N-Triples' }).parse(reply.output) };
    }
    return fromResultsJson(JSON.parse(reply.output) as ResultsJson);
  }

  /** Stops the worker; until then it keeps the process alive. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.failAll(new Error('engine closed'));
    await worker?.terminate();
  }
}
