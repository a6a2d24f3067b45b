/**
 * The output folder against a user's accidents, with the real CLI in a child process: a build
 * killed with SIGKILL half-way (the next build removes its temporary files and the pages of the
 * previous input set, and keeps the user's own file), a build interrupted with SIGINT or SIGTERM
 * (it removes its temporary files and lock itself, exits 130/143, and leaves the previous folder
 * byte for byte), and two builds at once (the second is refused, naming the first).
 * The child is paused (SIGSTOP) each time the folder is inspected, so no step depends on timing.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { BUNDLED, PROJECT_ROOT } from '../../src/paths.js';
import { SPLIT_FOLDER } from '../../src/write/graph-split.js';

const SAMPLE = join(BUNDLED.reports, 'geneva-peace-week-2017.txt');
const TEMPORARY = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;
const LOCK = '.peacegraph-lock';

interface Run {
  readonly exitCode: number;
  readonly stderr: string;
}

async function build(args: readonly string[]): Promise<Run> {
  let stderr = '';
  const exitCode = await runCli(['build', ...args, '--no-evidence'], { stdout: () => undefined, stderr: (text) => { stderr += text; }, isTTY: false });
  return { exitCode, stderr };
}

/** Copies of the sample report under other event titles (each its own event page). */
async function reports(dir: string, titles: readonly string[]): Promise<string> {
  const sample = await readFile(SAMPLE, 'utf8');
  await mkdir(dir, { recursive: true });
  for (const title of titles) await writeFile(join(dir, `${title.toLowerCase().replace(/\W+/g, '-')}.txt`), sample.replace(/^.*$/m, title));
  return dir;
}

const titles = (prefix: string, count: number): string[] => Array.from({ length: count }, (_unused, index) => `${prefix} Forum ${index + 1}`);
const page = (title: string): string => `event-${title.toLowerCase().replace(/\W+/g, '-')}.html`;

interface Child {
  readonly process: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function spawnBuild(args: readonly string[]): Child {
  const child = spawn('node', ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'main.ts'), 'build', ...args, '--no-evidence', '--quiet'], {
    cwd: PROJECT_ROOT, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { process: child, exited };
}

/** Whether the process is stopped (Linux: state T in /proc/PID/stat). */
async function stopped(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return /^\d+ \(.*\) T /.test(stat);
}

/** Pauses the child whenever `ready` holds of the folder; resumes and looks again until it does. */
async function pauseWhen(child: Child, ready: () => Promise<boolean>): Promise<void> {
  const pid = child.process.pid!;
  for (;;) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`the build ended before it could be caught in the middle: ${(await child.exited).stderr}`);
    }
    child.process.kill('SIGSTOP');
    while (!(await stopped(pid))) await new Promise((resolve) => setTimeout(resolve, 5));
    if (await ready()) return;
    child.process.kill('SIGCONT');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const list = async (dir: string): Promise<string[]> => (await readdir(dir)).sort();
/** Every file under `dir` (graph.nt's split lies in a folder), relative to it. */
const filesUnder = async (dir: string): Promise<string[]> => (await readdir(dir, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
const temporaryFiles = async (dir: string): Promise<string[]> => (await filesUnder(dir)).filter((name) => TEMPORARY.test(basename(name)));
/** peacegraph's hidden files that a build leaves in place: its manifest, and graph.nt's split. */
const kept = (name: string): boolean => name === '.peacegraph-manifest.json' || name.startsWith(`${SPLIT_FOLDER}/`) || name === SPLIT_FOLDER;
/** Staged graph files and at least one staged event page: the build is well inside its work. */
const stagingPages = (dir: string) => async (): Promise<boolean> => (await temporaryFiles(dir)).some((name) => name.startsWith('.event-'));

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of await filesUnder(dir)) files.set(name, await readFile(join(dir, name), 'utf8'));
  return files;
}

describe('cli: the output folder against kills, interrupts and concurrent builds (issue 18)', function () {
  this.timeout(180_000);
  let root: string;
  let many: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-out-folder-'));
    many = await reports(join(root, 'many'), titles('Killed', 12));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('after a build killed with SIGKILL, the next build leaves no temporary file, no stale page and the user\'s file', async () => {
    const out = join(root, 'killed');
    const first = await build([await reports(join(root, 'first'), titles('First', 2)), '--out', out]);
    expect(first.exitCode, first.stderr).to.equal(0);
    await writeFile(join(out, 'notes.txt'), 'my own file');

    const child = spawnBuild([many, '--out', out]);
    await pauseWhen(child, stagingPages(out));
    child.process.kill('SIGKILL');
    expect((await child.exited).signal).to.equal('SIGKILL');
    const left = await temporaryFiles(out);
    expect(left.length, 'the killed build left its temporary files').to.be.above(1);
    expect(await list(out)).to.include(LOCK);

    const finalTitles = titles('Final', 2);
    const final = await build([await reports(join(root, 'final'), finalTitles), '--out', out]);
    expect(final.exitCode, final.stderr).to.equal(0);
    expect(final.stderr).to.match(/^peacegraph: warning: .*killed: took over the lock of a build that is no longer running \(pid \d+, started .*\)$/m);
    expect(final.stderr).to.include(`removed ${left.length} temporary file(s) left by an interrupted build`);
    const names = await list(out);
    expect(names.filter((name) => name.startsWith('.') && !kept(name))).to.deep.equal([]);
    expect(await temporaryFiles(out)).to.deep.equal([]);
    expect(names.filter((name) => name.startsWith('event-'))).to.deep.equal(finalTitles.flatMap((title) => [page(title), page(title).replace('.html', '.jsonld')]).sort());
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).to.equal('my own file');
    const graph = await readFile(join(out, 'graph.nt'), 'utf8');
    expect(graph).to.include('Final Forum 1').and.not.include('First Forum').and.not.include('Killed Forum');
  });

  for (const [signal, exitCode] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`a build interrupted by ${signal} exits ${exitCode} leaving no temporary file, no lock, and one whole build's output`, async () => {
      const out = join(root, signal);
      const first = await build([SAMPLE, '--out', out]);
      expect(first.exitCode, first.stderr).to.equal(0);
      const before = await snapshot(out);

      const child = spawnBuild([many, '--out', out]);
      await pauseWhen(child, stagingPages(out));
      child.process.kill(signal);
      child.process.kill('SIGCONT');
      const exited = await child.exited;
      expect(exited.code, exited.stderr).to.equal(exitCode);
      expect(exited.stderr).to.match(new RegExp(`^peacegraph: error: interrupted by ${signal}: stopped, and removed the files it had staged$`, 'm'));
      const after = await snapshot(out);
      const manifest = JSON.parse(after.get('.peacegraph-manifest.json')!) as { files: string[] };
      const outputs = [...after.keys()].filter((name) => !name.startsWith('.'));
      expect([...after.keys()].filter((name) => name.startsWith('.') && !kept(name)), 'hidden files left').to.deep.equal([]);
      expect(after.has('.peacegraph-manifest.json')).to.equal(true);
      expect(manifest.files, 'the manifest lists every file a build put there').to.include.members(outputs);
      // Node runs the handler when the event loop turns: a signal that lands just before the commit
      // finds it under way, and the commit completes. Either way one build's output is there whole.
      const pages = outputs.filter((name) => name.startsWith('event-'));
      if (pages.includes(page('Killed Forum 1'))) {
        expect(pages).to.have.length(24);
        expect(await readFile(join(out, 'graph.nt'), 'utf8')).to.include('Killed Forum 12').and.not.include('Geneva Peace Week 2017"');
      } else {
        for (const name of outputs) expect(after.get(name), name).to.equal(before.get(name));
        expect(outputs).to.deep.equal([...before.keys()].filter((name) => !name.startsWith('.')));
      }
    });
  }

  it('refuses a second build into a folder another build is writing, naming it; the first completes', async () => {
    const out = join(root, 'concurrent');
    const child = spawnBuild([many, '--out', out]);
    await pauseWhen(child, async () => (await list(out).catch((): string[] => [])).includes(LOCK));
    let second: Run;
    try {
      second = await build([SAMPLE, '--out', out]);
    } finally {
      child.process.kill('SIGCONT');
    }
    expect(second.exitCode).to.equal(1);
    expect(second.stderr).to.equal(`peacegraph: error: ${out}: another peacegraph build is writing here (pid ${child.process.pid} on ${hostname()}, `
      + `started ${second.stderr.match(/started (\S+)\)/)?.[1]}): wait for it to finish, or stop it, then run again (if it is no longer running, remove ${join(out, LOCK)})\n`);
    const exited = await child.exited;
    expect(exited.code, exited.stderr).to.equal(0);
    const names = await list(out);
    expect(names.includes(LOCK)).to.equal(false);
    expect(names.filter((name) => name.startsWith('event-'))).to.have.length(24);
  });
});
