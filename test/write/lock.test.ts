import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, FolderLocked } from '../../src/write/lock.js';

/** The pid of a process that has exited (not reused in the instant this test runs). */
function deadPid(): number {
  const child = spawnSync('sh', ['-c', 'echo $$']);
  return Number(child.stdout.toString().trim());
}

const owner = (pid: number, host = hostname()) => JSON.stringify({ pid, host, started: '2026-01-02T03:04:05.000Z', token: 'feedfacefeedface' });

describe('write/lock', () => {
  let dir: string;
  let lock: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-lock-'));
    lock = join(dir, '.peacegraph-lock');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is taken when free, held against a second taker in the same process, and released', async () => {
    const held = await acquireLock(lock, dir);
    expect(JSON.parse(await readFile(lock, 'utf8'))).to.include({ pid: process.pid, host: hostname() });
    const second = await acquireLock(lock, dir).then(() => undefined, (error: unknown) => error);
    expect(second).to.be.instanceOf(FolderLocked);
    await held.release();
    expect(await readdir(dir)).to.deep.equal([]);
  });

  it('refuses a lock held by a running process, naming it', async () => {
    const sleeper = spawn('sleep', ['60']);
    try {
      await writeFile(lock, owner(sleeper.pid!));
      const error = await acquireLock(lock, dir).then(() => undefined, (caught: Error) => caught);
      expect(error?.message).to.equal(`${dir}: another peacegraph build is writing here (pid ${sleeper.pid} on ${hostname()}, started 2026-01-02T03:04:05.000Z): `
        + `wait for it to finish, or stop it, then run again (if it is no longer running, remove ${lock})`);
    } finally {
      sleeper.kill();
    }
  });

  it('takes over the lock of a process that is gone, and says whose', async () => {
    const pid = deadPid();
    await writeFile(lock, owner(pid));
    const held = await acquireLock(lock, dir);
    expect(held.tookOver).to.include({ pid, started: '2026-01-02T03:04:05.000Z' });
    expect(JSON.parse(await readFile(lock, 'utf8'))).to.include({ pid: process.pid });
    await held.release();
    expect(await readdir(dir)).to.deep.equal([]);
  });

  it('never takes over a lock from another host (its process cannot be checked from here)', async () => {
    await writeFile(lock, owner(deadPid(), 'elsewhere.example'));
    expect(await acquireLock(lock, dir).then(() => undefined, (error: unknown) => error)).to.be.instanceOf(FolderLocked);
  });

  it('refuses a lock file it cannot read as one', async () => {
    await writeFile(lock, 'not json');
    const error = await acquireLock(lock, dir).then(() => undefined, (caught: Error) => caught);
    expect(error?.message).to.equal(`${lock}: is not a peacegraph lock file: if no build is writing to this folder, remove it and run again`);
  });

  it('release leaves a lock that is no longer its own', async () => {
    const held = await acquireLock(lock, dir);
    await writeFile(lock, owner(deadPid()));
    await held.release();
    expect(await readdir(dir)).to.deep.equal(['.peacegraph-lock']);
  });
});
