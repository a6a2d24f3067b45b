/**
 * A lock file that keeps two builds out of one output folder. It holds the owner (pid, host, start
 * time) so the refused build can name it. It is created complete and atomically (written to a
 * temporary file, then hard-linked to its name: link fails if the name exists), so a reader never
 * sees a half-written lock. A lock whose process is gone (same host, no such pid) is stale and taken
 * over; staleness is decided by the pid, not by age, so a slow build on a loaded machine keeps its
 * lock, and a lock from another host is never taken over (its process cannot be checked from here).
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { errnoCode, explainFsError, OutputError } from './output-error.js';

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** When the owner took the lock (ISO 8601). */
  readonly started: string;
  /** Tells two owners with the same pid apart (a pid is reused, a token is not). */
  readonly token: string;
}

export interface HeldLock {
  /** The owner of a stale lock this one replaced. */
  readonly tookOver?: LockOwner;
  readonly release: () => Promise<void>;
}

export class FolderLocked extends OutputError {
  constructor(folder: string, readonly owner: LockOwner, lockPath: string) {
    super(folder, `another peacegraph build is writing here (pid ${owner.pid} on ${owner.host}, started ${owner.started}): `
      + `wait for it to finish, or stop it, then run again (if it is no longer running, remove ${lockPath})`, 'ELOCKED');
    this.name = 'FolderLocked';
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    const valid = Number.isInteger(value.pid) && typeof value.host === 'string' && typeof value.started === 'string' && typeof value.token === 'string';
    return valid ? (value as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

const sameOwner = (a: LockOwner | undefined, b: LockOwner): boolean => a?.token === b.token && a.pid === b.pid;

/** A hidden sibling named like StagedFiles' temporary files, so a crashed build's leftovers are swept with them. */
const sibling = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

async function readOwner(path: string): Promise<LockOwner | undefined | 'absent'> {
  return readFile(path, 'utf8').then(parseOwner, (error: unknown) => {
    if (errnoCode(error) === 'ENOENT') return 'absent' as const;
    throw explainFsError(error, path);
  });
}

/** Creates the lock file complete, or returns false when it exists. */
async function create(path: string, owner: LockOwner): Promise<boolean> {
  const temporary = sibling(path);
  try {
    await writeFile(temporary, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
    await link(temporary, path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw explainFsError(error, dirname(path));
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * Moves a stale lock aside, unless another build replaced it since it was read: renaming is atomic,
 * and what was renamed is checked to be the stale lock (a live one is put back).
 */
async function removeStale(path: string, stale: LockOwner): Promise<void> {
  const aside = sibling(path);
  try {
    await rename(path, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw explainFsError(error, path);
  }
  const moved = await readOwner(aside);
  if (moved !== 'absent' && !sameOwner(moved, stale)) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** Takes the lock at `path` (a file inside `folder`), or throws FolderLocked naming its owner. */
export async function acquireLock(path: string, folder: string): Promise<HeldLock> {
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  let tookOver: LockOwner | undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await create(path, owner)) {
      return { tookOver, release: () => releaseLock(path, owner) };
    }
    const holder = await readOwner(path);
    if (holder === 'absent') continue;
    if (holder === undefined) {
      throw new OutputError(path, 'is not a peacegraph lock file: if no build is writing to this folder, remove it and run again');
    }
    if (holder.host !== owner.host || running(holder.pid)) throw new FolderLocked(folder, holder, path);
    await removeStale(path, holder);
    tookOver = holder;
  }
  throw new OutputError(folder, 'other builds keep taking the lock of this folder: run again when they are done');
}

/** Removes the lock if it is still this owner's. */
async function releaseLock(path: string, owner: LockOwner): Promise<void> {
  const holder = await readOwner(path).catch(() => undefined);
  if (holder !== 'absent' && sameOwner(holder, owner)) await unlink(path).catch(() => undefined);
}
