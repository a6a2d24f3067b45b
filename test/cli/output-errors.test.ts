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
import { join } from 'node:path';
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
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name), 'utf8'));
  return files;
}

function mount(dir: string, options: string): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0;
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
    setup: async (dir) => {
      await mkdir(join(dir, 'ro'));
      if (!mount(join(dir, 'ro'), 'size=1m,ro')) throw new Error('mount failed');
      return join(dir, 'ro', 'out');
    },
    line: (out) => `${out}: read-only file system: nothing was written; choose a writable place`,
  },
  {
    name: 'a missing parent on a read-only file system (mkdir -p says ENOENT)',
    mounts: true,
    setup: async (dir) => {
      await mkdir(join(dir, 'ro'));
      if (!mount(join(dir, 'ro'), 'size=1m,ro')) throw new Error('mount failed');
      return join(dir, 'ro', 'missing', 'out');
    },
    line: (out) => `${out}: cannot make ${join(out, '..')}: read-only file system: nothing was written; choose a writable place`,
  },
  {
    name: 'an existing output folder made read-only',
    mounts: true,
    setup: async (dir) => {
      await mkdir(join(dir, 'site'));
      if (!mount(join(dir, 'site'), 'size=1m')) throw new Error('mount failed');
      const first = await build([SAMPLE, '--out', join(dir, 'site')]);
      expect(first.exitCode, first.stderr).to.equal(0);
      expect(spawnSync('mount', ['-o', 'remount,ro', join(dir, 'site')]).status).to.equal(0);
      return join(dir, 'site');
    },
    line: (out) => `${out}: read-only file system: nothing was written; choose a writable place`,
  },
  {
    name: 'a full disk, over a previous build',
    mounts: true,
    setup: async (dir) => {
      await mkdir(join(dir, 'small'));
      if (!mount(join(dir, 'small'), 'size=1m')) throw new Error('mount failed');
      const first = await build([SAMPLE, '--out', join(dir, 'small')]);
      expect(first.exitCode, first.stderr).to.equal(0);
      return join(dir, 'small');
    },
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
  const mounted: string[] = [];
  const canMount = (() => {
    const probe = spawnSync('sh', ['-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"; s=$?; rmdir "$d"; exit $s']);
    return probe.status === 0;
  })();
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-output-errors-'));
  });
  after(async () => {
    for (const dir of mounted) spawnSync('umount', [dir]);
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
      for (const name of ['ro', 'site', 'small']) if (spawnSync('mountpoint', ['-q', join(dir, name)]).status === 0) mounted.push(join(dir, name));
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
