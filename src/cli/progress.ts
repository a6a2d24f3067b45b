/**
 * Progress of long work on a terminal: builds (reports done of total, rate, time left) and graph
 * loads before a query (MB read of total), with the cli-progress library: it handles terminal
 * width, redraw throttling and ETA better than a hand-written counter. Silent when stderr is not a
 * terminal or with --quiet.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/** A bar drawn from the first update; `rate` renders the {rate} field from done per second. */
function bar(enabled: boolean, stream: NodeJS.WriteStream, format: string, scale: (value: number) => number): Progress {
  if (!enabled || stream.isTTY !== true) return SILENT;
  const drawn = new cliProgress.SingleBar({
    stream, format, hideCursor: true, clearOnComplete: true, etaBuffer: 50,
  }, cliProgress.Presets.shades_classic);
  const started = Date.now();
  let running = false;
  // Updates after stop are dropped: a server's replaced workers load again while it serves.
  let stopped = false;
  return {
    update: (done, total) => {
      if (stopped) return;
      if (!running) {
        drawn.start(scale(total), 0, { rate: '0' });
        running = true;
      }
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      drawn.update(scale(done), { rate: (scale(done) / seconds).toFixed(0) });
    },
    stop: () => {
      stopped = true;
      if (running) drawn.stop();
    },
  };
}

export function buildProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  return bar(enabled, stream, 'reports {bar} {value}/{total} | {rate} reports/s | {eta_formatted} left', (reports) => reports);
}

/** Loading a graph for queries, by bytes read (shown in MB). */
export function loadProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  return bar(enabled, stream, 'loading graph {bar} {value}/{total} MB | {eta_formatted} left', (bytes) => Math.round(bytes / 1e6));
}
