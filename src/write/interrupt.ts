/**
 * SIGINT (Ctrl-C) and SIGTERM while output is staged: every registered cleanup runs (newest first:
 * staged files are removed before the lock of their folder is released), then the process exits
 * with 128 + the signal's number (130, 143), as a shell reports a killed command. The handlers are
 * installed only while something is registered, so Node's default behaviour holds otherwise.
 */
import { constants } from 'node:os';

export type Cleanup = () => Promise<void>;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type HandledSignal = (typeof SIGNALS)[number];

const cleanups: Cleanup[] = [];
let interrupted = false;

async function onSignal(signal: HandledSignal): Promise<void> {
  // A second Ctrl-C while cleaning up would leave half the temporary files: finish first.
  if (interrupted) return;
  interrupted = true;
  for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => undefined);
  process.stderr.write(`peacegraph: error: interrupted by ${signal}: stopped, and removed the files it had staged\n`);
  process.exit(128 + constants.signals[signal]);
}

const handlers = new Map<HandledSignal, () => void>(SIGNALS.map((signal) => [signal, () => void onSignal(signal)]));

/** Runs `cleanup` if the process is interrupted; the returned function unregisters it. */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (cleanups.length === 0) for (const [signal, handler] of handlers) process.on(signal, handler);
  cleanups.push(cleanup);
  return () => {
    const index = cleanups.indexOf(cleanup);
    if (index < 0) return;
    cleanups.splice(index, 1);
    if (cleanups.length === 0) for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
