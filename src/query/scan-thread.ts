/**
 * The selection of a large file's lines, on a thread of its own: while Oxigraph parses one chunk
 * of lines, the next is being picked out. Oxigraph pulls lines from a generator synchronously, so
 * the chunks are taken off a message port without the event loop, waiting on a shared counter.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { GraphScope } from './graph-scope.js';
import { CHUNK_BYTES, type ReadWatch } from './line-selector.js';
import { startWorker } from '../worker/start.js';

/** Slots of the shared counters. */
export const POSTED = 0;
export const TAKEN = 1;
export const STOPPED = 2;
/** Chunks the scanner may be ahead of the loader: its memory is bounded by them. */
export const AHEAD = 4;

export interface ScanData {
  readonly path: string;
  readonly wanted: GraphScope;
  readonly loaded: GraphScope;
  readonly counters: SharedArrayBuffer;
  readonly port: MessagePort;
  readonly chunkBytes: number;
  /** Whether to take the SHA-256 of the file's bytes: the last chunk then carries it. */
  readonly digest: boolean;
}

/** A chunk as ReadChunk (line-selector.ts) gives it, its lines arriving as a plain Uint8Array; or why the scan failed. */
export type ScanMessage =
  | { readonly read: number; readonly lines: Uint8Array | undefined; readonly last: boolean; readonly sha256?: string }
  | { readonly error: string };

/** A scanner posts a chunk for every read (8 MB): this long without one, it has died. */
const SILENCE_MS = 120_000;

/** As linesIn (line-selector.ts), the selection made by another thread, read `chunkBytes` at a time. */
export function* linesOffThread(path: string, wanted: GraphScope, loaded: GraphScope, progress: (bytes: number) => void,
  chunkBytes = CHUNK_BYTES, watch: Pick<ReadWatch, 'digest'> = {}): Generator<Buffer> {
  const counters = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  const data: ScanData = { path, wanted, loaded, counters: counters.buffer as SharedArrayBuffer, port: port2, chunkBytes, digest: watch.digest !== undefined };
  const worker = startWorker(import.meta.url, 'scan-worker', data, {}, [port2]);
  try {
    for (;;) {
      const posted = Atomics.load(counters, POSTED);
      const received = receiveMessageOnPort(port1);
      if (received === undefined) {
        if (Atomics.wait(counters, POSTED, posted, SILENCE_MS) === 'timed-out') throw new Error(`the scan of ${path} stopped`);
        continue;
      }
      Atomics.add(counters, TAKEN, 1);
      Atomics.notify(counters, TAKEN);
      const message = received.message as ScanMessage;
      if ('error' in message) throw new Error(message.error);
      progress(message.read);
      if (message.sha256 !== undefined) watch.digest?.(message.sha256);
      if (message.lines !== undefined) yield Buffer.from(message.lines.buffer, message.lines.byteOffset, message.lines.byteLength);
      if (message.last) return;
    }
  } finally {
    // Also when the load stops early (a bad line): the scanner, maybe waiting for room, stops too.
    Atomics.store(counters, STOPPED, 1);
    Atomics.notify(counters, TAKEN);
    port1.close();
    void worker.terminate();
  }
}
