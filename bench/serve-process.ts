/**
 * `peacegraph serve` for the bench as users start it: the compiled CLI (dist/) in its own process,
 * so that its requests share no thread and no heap with the bench's client, corpus and other
 * engines. Its stderr tells when it listens and when it has kept the bundled listings for paging;
 * its peak RSS is read from /proc (its query workers are threads of the same process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { peakRss } from './process-memory.js';

export interface ServeSettings {
  readonly dir: string;
  readonly withEvidence: boolean;
  readonly timeoutMs: number;
  readonly maxRows: number;
  readonly maxQueryBytes: number;
}

const LISTENING = /SPARQL endpoint (http:\/\/\S+\/sparql)\)/;
const KEPT = /(\d+) bundled listings kept whole for paging/;

/** Servers still running, stopped when the bench exits (an error or Ctrl-C included), so that none is left holding its stores. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill();
});

export class ServeProcess {
  private constructor(
    private readonly child: ChildProcess,
    /** The SPARQL endpoint. */
    readonly url: string,
    /** From the process's start until it listened: start, load of every worker. */
    readonly loadSeconds: number,
    /** Resolves with the seconds from listening until the bundled listings were kept. */
    readonly listingsKept: Promise<number>,
  ) {}

  static async start(settings: ServeSettings): Promise<ServeProcess> {
    const started = performance.now();
    const child = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--data', settings.dir, '--port', '0',
      '--timeout', String(settings.timeoutMs), '--max-rows', String(settings.maxRows), '--max-query-bytes', String(settings.maxQueryBytes),
      ...settings.withEvidence ? ['--with-evidence'] : []], { stdio: ['ignore', 'ignore', 'pipe'] });
    running.add(child);
    child.once('exit', () => running.delete(child));
    const said: string[] = [];
    const exited = new Promise<never>((_resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`peacegraph serve stopped (exit code ${code}): ${said.join('\n')}`)));
    });
    exited.catch(() => undefined);
    const watchers: Array<(line: string) => void> = [];
    createInterface({ input: child.stderr! }).on('line', (line) => {
      said.push(line);
      for (const watch of watchers) watch(line);
    });
    const printed = (pattern: RegExp) => Promise.race([exited, new Promise<string>((resolve) => {
      watchers.push((line) => {
        const match = pattern.exec(line);
        if (match) resolve(match[1]!);
      });
    })]);
    const listening = printed(LISTENING);
    const kept = printed(KEPT);
    kept.catch(() => undefined);
    const url = await listening;
    const listened = performance.now();
    return new ServeProcess(child, url, (listened - started) / 1000, kept.then(() => (performance.now() - listened) / 1000));
  }

  /** The process's peak resident memory so far, in bytes. */
  peakRss(): Promise<number> {
    return peakRss(this.child.pid!);
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
