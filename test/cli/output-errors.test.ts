/**
 * Every file-system failure of `build` is one line, `peacegraph: error: OUT: what is wrong (and what
 * to do)`, naming the output folder asked for, never a temporary file or a bare errno; nothing is
 * left behind, and a previous build stays as it was. A read-only and a full file system are real
 * tmpfs mounts (root only; elsewhere these cases are skipped, and fail in CI).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { BUNDLED } from '../../src/paths.js';

const SAMPLE = join(BUNDLED.reports, 'geneva-peace-week-2017.txt');

async function build(args: readonly string[]): Promise<{ exitCode: number; stderr: string }> {
  let stderr = '';
  const exitCode = await runCli(['build', ...args, '--no-evidence', '--quiet'], { stdout: () => undefined, stderr: (text) => { stderr += text; }, isTTY: false });
  return { exitCode, stderr };
}

/** Every file under `dir` with its content (hidden and temporary files included). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const names = entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
  for (const name of names.sort()) files.set(name, await readFile(join(dir, name), 'utf8'));
  return files;
}

/** Mount points to unmount after the tests. */
const mountedPaths: string[] = [];

/** A small tmpfs at `dir/name`, read-only (1 MiB) or holding a first build of the sample (2 MiB: the build takes about 1.1 MB); returns its path. */
async function tmpfs(dir: string, name: string, content: 'read-only' | 'a build'): Promise<string> {
  const path = join(dir, name);
  await mkdir(path);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', content === 'read-only' ? 'size=1m,ro' : 'size=2m', 'tmpfs', path]);
  expect(mounted.status, mounted.stderr.toString()).to.equal(0);
  mountedPaths.push(path);
  if (content === 'a build') {
    const first = await build([SAMPLE, '--out', path]);
    expect(first.exitCode, first.stderr).to.equal(0);
  }
  return path;
}

interface Row {
  readonly name: string;
  /** Prepares the case in `dir`; returns the --out to give. */
  readonly setup: (dir: string) => Promise<string>;
  readonly line: (out: string) => string;
  /** Needs mount (root). */
  readonly mounts?: true;
  /** Reports to build (default: the sample). */
  readonly inputs?: (dir: string) => Promise<string[]>;
}

const rows: Row[] = [
  {
    name: '--out naming a file',
    setup: async (dir) => { await writeFile(join(dir, 'outfile'), 'mine'); return join(dir, 'outfile'); },
    line: (out) => `${out}: is a file, not a folder: nothing was written; check the path`,
  },
  {
    name: '--out inside a file',
    setup: async (dir) => { await writeFile(join(dir, 'outfile'), 'mine'); return join(dir, 'outfile', 'site'); },
    line: (out) => `${out}: a part of this path is a file, not a folder: nothing was written; check the path`,
  },
  {
    name: 'a read-only file system',
    mounts: true,
    setup: async (dir) => join(await tmpfs(dir, 'ro', 'read-only'), 'out'),
    line: (out) => `${out}: read-only file system: nothing was written; choose a writable place`,
  },
  {
    name: 'a missing parent on a read-only file system (mkdir -p says ENOENT)',
    mounts: true,
    setup: async (dir) => join(await tmpfs(dir, 'ro', 'read-only'), 'missing', 'out'),
    line: (out) => `${out}: cannot make ${join(out, '..')}: read-only file system: nothing was written; choose a writable place`,
  },
  {
    name: 'an existing output folder made read-only',
    mounts: true,
    setup: async (dir) => {
      const site = await tmpfs(dir, 'site', 'a build');
      expect(spawnSync('mount', ['-o', 'remount,ro', site]).status).to.equal(0);
      return site;
    },
    line: (out) => `${out}: read-only file system: nothing was written; choose a writable place`,
  },
  {
    name: 'a full disk, over a previous build',
    mounts: true,
    setup: (dir) => tmpfs(dir, 'small', 'a build'),
    inputs: async (dir) => {
      const sample = await readFile(SAMPLE, 'utf8');
      const reports = join(dir, 'reports');
      await mkdir(reports);
      for (const index of [1, 2, 3]) await writeFile(join(reports, `copy-${index}.txt`), sample.replace(/^.*$/m, `Peace Forum ${index}`));
      return [reports];
    },
    line: (out) => `${out}: no space left on the device: nothing was replaced; free some space and run again`,
  },
];

describe('cli: output errors are one line naming the output folder (issue 18)', function () {
  this.timeout(60_000);
  let root: string;
  const canMount = (() => {
    const probe = spawnSync('sh', ['-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"; s=$?; rmdir "$d"; exit $s']);
    return probe.status === 0;
  })();
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-output-errors-'));
  });
  after(async () => {
    for (const dir of mountedPaths) spawnSync('umount', [dir]);
    await rm(root, { recursive: true, force: true });
  });

  rows.forEach((row, index) => {
    it(row.name, async function () {
      if (row.mounts && !canMount) {
        if (process.env.CI) throw new Error('CI runs as root: mount a tmpfs to test file-system failures');
        this.skip();
      }
      const dir = join(root, `case-${index}`);
      await mkdir(dir);
      const out = await row.setup(dir);
      const previous = await snapshot(out).catch(() => undefined);
      const run = await build([...(row.inputs ? await row.inputs(dir) : [SAMPLE]), '--out', out]);
      expect(run.exitCode).to.equal(1);
      expect(run.stderr).to.equal(`peacegraph: error: ${row.line(out)}\n`);
      expect(run.stderr).not.to.match(/\.tmp\b|\bE[A-Z]{3,}\b/);
      // Nothing left behind: the previous build as it was, or no folder at all.
      expect(await snapshot(out).catch(() => undefined)).to.deep.equal(previous);
    });
  });
});
