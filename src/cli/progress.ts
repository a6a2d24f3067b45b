/**
 * Progress of long builds on a terminal (reports done of total, rate, time left), with the
 * cli-progress library: it handles terminal width, redraw throttling and ETA better than a
 * hand-written counter. Silent when stderr is not a terminal or with --quiet.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

export function buildProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || stream.isTTY !== true) return SILENT;
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'reports {bar} {value}/{total} | {rate} reports/s | {eta_formatted} left',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  }, cliProgress.Presets.shades_classic);
  const started = Date.now();
  let running = false;
  return {
    update: (done, total) => {
      if (!running) {
        bar.start(total, 0, { rate: '0' });
        running = true;
      }
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(done, { rate: (done / seconds).toFixed(0) });
    },
    stop: () => {
      if (running) bar.stop();
    },
  };
}
