/** Worker thread picking out a file's lines for scan-thread.ts, chunk by chunk, at most AHEAD chunks ahead of the loader. */
import { workerData } from 'node:worker_threads';
import { chunksIn } from './line-selector.js';
import { AHEAD, POSTED, STOPPED, TAKEN, type ScanData, type ScanMessage } from './scan-thread.js';

const { path, wanted, loaded, counters: shared, port, chunkBytes, digest } = workerData as ScanData;
const counters = new Int32Array(shared);

/** Posts a message once the loader has room for it; false when the loader has stopped. */
function post(message: ScanMessage): boolean {
  for (;;) {
    if (Atomics.load(counters, STOPPED) === 1) return false;
    const taken = Atomics.load(counters, TAKEN);
    if (Atomics.load(counters, POSTED) - taken < AHEAD) break;
    Atomics.wait(counters, TAKEN, taken);
  }
  port.postMessage(message);
  Atomics.add(counters, POSTED, 1);
  Atomics.notify(counters, POSTED);
  return true;
}

try {
  // Told before the last chunk is given.
  let sha256: string | undefined;
  const watch = digest ? { digest: (hex: string) => { sha256 = hex; } } : {};
  for (const chunk of chunksIn(path, wanted, loaded, watch, chunkBytes)) if (!post(chunk.last ? { ...chunk, sha256 } : chunk)) break;
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error) });
}
port.close();
