/**
 * Progress of long work on a terminal: builds (reports done of total, rate, time left) and graph
 * loads before a query (MB read of total), with the cli-progress library: it handles terminal
 * width, redraw throttling and ETA better than a hand-written counter. Silent with --quiet; off a
 * terminal, builds are silent and a large load writes a plain line as it starts and as it ends (a log
 * shows why a query or a server takes long to answer).
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

/** Loads smaller than this are quick enough to need no line in a log. */
const LARGE_LOAD_BYTES = 50e6;

/** Off a terminal: a line when a large load starts, one when it is done. */
function loadLines(stream: NodeJS.WriteStream): Progress {
  let started: number | undefined;
  return {
    update: (done, total) => {
      if (started === undefined && total >= LARGE_LOAD_BYTES && done < total) {
        started = Date.now();
        stream.write(`peacegraph: loading ${Math.round(total / 1e6)} MB of graph files\n`);
      } else if (started !== undefined && done >= total) {
        stream.write(`peacegraph: loaded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        started = undefined;
      }
    },
    stop: () => {
      started = undefined;
    },
  };
}

/** Loading a graph for queries, by bytes read (shown in MB). */
export function loadProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (enabled && stream.isTTY !== true) return loadLines(stream);
  return bar(enabled, stream, 'loading graph {bar} {value}/{total} MB | {eta_formatted} left', (bytes) => Math.round(bytes / 1e6));
}
