/** Worker thread of a corpus build: runs batches of reports through a ReportJob (see pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { ReportJob, type JobSetup } from './report-job.js';
import { transferList } from '../write/graph-writer.js';
import type { BatchRequest } from './pool.js';

const job = await ReportJob.create(workerData as JobSetup);
parentPort!.on('message', async (request: BatchRequest) => {
  const result = await job.runBatch(request.documents, request.first);
  parentPort!.postMessage(result, transferList(result.graph));
});
