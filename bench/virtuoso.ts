/**
 * Virtuoso beside peacegraph in `npm run bench`: a throw-away instance started by .ci/virtuoso.sh
 * (its own temp dir, free loopback ports and password, so it never meets the tests' instance),
 * loaded with the files the local engine reads as its default graph by Virtuoso's bulk loader,
 * and queried over HTTP as `peacegraph serve` is. Absent when virtuoso-t is not installed
 * (Debian: apt-get install virtuoso-opensource-7-bin).
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFile, link, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { RdfFile } from '../src/query/rdf-files.js';

const run = promisify(execFile);
const SCRIPT = '.ci/virtuoso.sh';
/** The graph the file is loaded into, named as each query's default graph (the SPARQL protocol's default-graph-uri). */
const GRAPH = 'urn:peacegraph:bench';
/**
 * Page buffers (8 KiB each): 1.3 GiB, Virtuoso's own setting for a machine with 2 GB to give it,
 * ample for the 10,000-report facts graph; the tests' 10,000 would make it read pages from disk.
 */
const BUFFERS = 170_000;

/** Whether virtuoso-t is on the PATH. */
export async function virtuosoInstalled(): Promise<boolean> {
  return run('sh', ['-c', 'command -v virtuoso-t && command -v isql-vt']).then(() => true, () => false);
}

/** Env files of the instances running, stopped on Ctrl-C too (a finally block does not run then). */
const running = new Set<string>();
const stopAll = (signal: NodeJS.Signals): void => {
  for (const envFile of running) {
    execFileSync('bash', [SCRIPT, 'stop', envFile]);
    rmSync(dirname(envFile), { recursive: true, force: true });
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
};

export class Virtuoso {
  private constructor(
    private readonly envFile: string,
    private readonly env: Readonly<Record<string, string>>,
  ) {}

  /** A fresh, empty instance. */
  static async start(): Promise<Virtuoso> {
    const envFile = join(await mkdtemp(join(tmpdir(), 'peacegraph-bench-virtuoso-')), 'virtuoso.env');
    if (running.size === 0) {
      process.once('SIGINT', stopAll);
      process.once('SIGTERM', stopAll);
    }
    running.add(envFile);
    await run('bash', [SCRIPT, 'start', envFile], { env: { ...process.env, VIRTUOSO_BUFFERS: String(BUFFERS) } });
    const env = Object.fromEntries((await readFile(envFile, 'utf8')).split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
    return new Virtuoso(envFile, env);
  }

  /** The SPARQL endpoint, and the form fields that make the loaded graph each query's default graph. */
  get endpoint(): { readonly url: string; readonly form: Readonly<Record<string, string>> } {
    return { url: `${this.env.VIRTUOSO_HTTP}/sparql`, form: { 'default-graph-uri': GRAPH } };
  }

  /**
   * Bulk-loads `files` (N-Triples or Turtle) into one graph and checkpoints; returns the seconds it
   * took. The loader reads only from the instance's allowed folders, its own: the files are linked
   * there (or copied, across file systems).
   */
  async load(files: readonly RdfFile[]): Promise<number> {
    const folder = join(this.env.VIRTUOSO_DIR!, 'load');
    await mkdir(folder);
    await Promise.all(files.map(async (file, index) => {
      const copy = join(folder, `${index}-${basename(file.path)}`);
      await link(file.path, copy).catch(() => copyFile(file.path, copy));
    }));
    const started = performance.now();
    // The loader notes a file it could not parse in LOAD_LIST rather than failing.
    const { stdout, stderr } = await this.sql(`ld_dir('${folder}', '*', '${GRAPH}'); rdf_loader_run(); checkpoint; ` +
      "select 'LOAD-ERROR', ll_file, ll_error from DB.DBA.LOAD_LIST where ll_error is not null;");
    const seconds = (performance.now() - started) / 1000;
    const error = /^\*\*\* Error.*$/m.exec(stderr + stdout)?.[0] ?? stdout.split('\n').find((line) => line.startsWith('LOAD-ERROR'));
    if (error !== undefined) throw new Error(`Virtuoso could not load ${files.map((file) => file.path).join(', ')}: ${error}`);
    return seconds;
  }

  /** Stops the instance and removes its folder. */
  async stop(): Promise<void> {
    await run('bash', [SCRIPT, 'stop', this.envFile]);
    running.delete(this.envFile);
    if (running.size === 0) {
      process.off('SIGINT', stopAll);
      process.off('SIGTERM', stopAll);
    }
    await rm(dirname(this.envFile), { recursive: true, force: true });
  }

  private sql(statements: string): Promise<{ stdout: string; stderr: string }> {
    return run('isql-vt', [this.env.VIRTUOSO_SQL!, this.env.VIRTUOSO_USER!, this.env.VIRTUOSO_PASSWORD!, `exec=${statements}`], { maxBuffer: 1 << 24 });
  }
}
