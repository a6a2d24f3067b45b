/**
 * Runs reports through ReportJobs: in this thread for small builds, or in worker threads fed
 * batches from a queue, so both cores work. Outputs are delivered strictly in document order,
 * whatever order the workers finish in, so the streamed files are the same on every run.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { SourceDocument } from '../model/types.js';
import { startWorker } from '../worker/start.js';
import { ReportJob, type BatchResult, type JobSetup } from './report-job.js';

export interface BatchRequest {
  readonly first: number;
  readonly documents: readonly SourceDocument[];
}

/** Reports per message: large enough to amortise posting, small enough to balance the threads. */
const BATCH_SIZE = 8;
/**
 * Reports per thread from which worker threads pay, when the user leaves the number to peacegraph:
 * a worker costs about a second of start-up (modules, gazetteer), a report 10-30 ms.
 */
export const MIN_REPORTS_PER_WORKER = 100;

export type Deliver = (batch: BatchResult) => Promise<void>;

/** Threads for `reports` reports: `jobs` when given (never more than batches), else one per core when that pays. */
export function workerCount(reports: number, jobs: number): number {
  if (jobs > 0) return Math.max(1, Math.min(jobs, Math.ceil(reports / BATCH_SIZE)));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(reports / MIN_REPORTS_PER_WORKER)));
}

function batchesOf(documents: readonly SourceDocument[]): BatchRequest[] {
  const batches: BatchRequest[] = [];
  for (let first = 0; first < documents.length; first += BATCH_SIZE) {
    batches.push({ first, documents: documents.slice(first, first + BATCH_SIZE) });
  }
  return batches;
}

async function runHere(documents: readonly SourceDocument[], setup: JobSetup, deliver: Deliver): Promise<void> {
  const job = await ReportJob.create(setup);
  for (const batch of batchesOf(documents)) await deliver(await job.runBatch(batch.documents, batch.first));
}

/**
 * A report makes many short-lived objects (terms, quads, strings): a young generation larger than
 * V8's default keeps them from being promoted and collected again (~9% less CPU at 1,000 reports).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 48 };

/**
 * Batches handed out but not yet delivered, per thread. When writing falls behind, idle workers
 * wait rather than pile finished batches up in memory.
 */
const IN_FLIGHT_PER_THREAD = 4;

function runInWorkers(documents: readonly SourceDocument[], setup: JobSetup, threads: number, deliver: Deliver): Promise<void> {
  const batches = batchesOf(documents);
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => startWorker(import.meta.url, 'worker', setup, WORKER_LIMITS));
  const waiting = new Map<number, BatchResult>();
  const idle: Worker[] = [];
  let nextBatch = 0;
  let deliveredBatches = 0;
  let nextToDeliver = 0;
  let delivering = Promise.resolve();

  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    /** Gives idle workers the next batches, as long as not too many wait to be written. */
    const feed = (): void => {
      while (idle.length > 0 && nextBatch < batches.length && nextBatch - deliveredBatches < IN_FLIGHT_PER_THREAD * workers.length) {
        idle.pop()!.postMessage(batches[nextBatch++]);
      }
    };
    /** Hands over every batch whose turn has come, one at a time. */
    const drain = (): void => {
      delivering = delivering.then(async () => {
        while (!failed && waiting.has(nextToDeliver)) {
          const batch = waiting.get(nextToDeliver)!;
          waiting.delete(nextToDeliver);
          await deliver(batch);
          nextToDeliver += batch.reports.length;
          deliveredBatches += 1;
          feed();
        }
        if (!failed && nextToDeliver === documents.length) resolve();
      }).catch(fail);
    };
    for (const worker of workers) {
      worker.on('message', (reply: BatchResult) => {
        waiting.set(reply.first, reply);
        idle.push(worker);
        feed();
        drain();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a build worker stopped with exit code ${code}`));
      });
      idle.push(worker);
    }
    feed();
  }).finally(() => Promise.all(workers.map((worker) => worker.terminate())));
}

/** Runs every document, delivering the results batch by batch in document order. */
export async function runReports(documents: readonly SourceDocument[], setup: JobSetup, jobs: number, deliver: Deliver): Promise<void> {
  const threads = workerCount(documents.length, jobs);
  if (threads <= 1) await runHere(documents, setup, deliver);
  else await runInWorkers(documents, setup, threads, deliver);
}
