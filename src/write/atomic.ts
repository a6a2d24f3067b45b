/**
 * Files are never half written: every file goes to a temporary sibling first, and only when all are
 * complete (and synced to disk) are they renamed into place. Large files are appended to while they
 * are built (the corpus writer streams); small ones are written whole, several at a time, because a
 * corpus build writes thousands of event pages and each file costs a few round trips to the disk.
 * An interrupted process (SIGINT, SIGTERM) removes its temporary files before it exits
 * (interrupt.ts); a killed one leaves them, and the next build of that folder removes them
 * (out-folder.ts). File-system failures are OutputErrors naming the target, never the temporary file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, rmdir, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onInterrupt } from './interrupt.js';
import { errnoCode, explainFsError, OutputError } from './output-error.js';

interface StagedFile {
  readonly temporary: string;
  /** Open while appended to; whole files are closed once written. */
  handle?: FileHandle;
  /** Appended data not yet handed to the file system (small appends are batched into large writes). */
  pending: Array<string | Uint8Array>;
  pendingLength: number;
  /** The write of a whole file, while it runs. */
  writing?: Promise<void>;
}

const FLUSH_AT = 1 << 20;
/** Whole files written, or synced, at the same time. */
const CONCURRENT_FILES = 32;

async function inGroups<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += CONCURRENT_FILES) {
    await Promise.all(items.slice(start, start + CONCURRENT_FILES).map(work));
  }
}

/**
 * Makes `folder` and its missing parents one at a time, returning those it made, outermost first.
 * (A recursive mkdir reports ENOENT on a read-only file system; one level at a time gives EROFS.)
 */
export async function makeFolders(folder: string): Promise<string[]> {
  const missing: string[] = [];
  for (let path = folder; ; path = dirname(path)) {
    const exists = await stat(path).then((info) => {
      if (!info.isDirectory()) throw new OutputError(path, 'is a file, not a folder: nothing was written; check the path');
      return true;
    }, (error: unknown) => {
      if (errnoCode(error) === 'ENOENT') return false;
      throw explainFsError(error, path);
    });
    if (exists || dirname(path) === path) break;
    missing.unshift(path);
  }
  const made: string[] = [];
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      // Made by another writer in the meantime: fine.
      if (errnoCode(error) === 'EEXIST' && (await stat(path).then((info) => info.isDirectory(), () => false))) continue;
      for (const created of made.reverse()) await rmdir(created).catch(() => undefined);
      throw explainFsError(error, path);
    }
    made.push(path);
  }
  return made;
}

/** A set of files written to temporary siblings, then all renamed into place, or all removed. */
export class StagedFiles {
  private readonly files = new Map<string, StagedFile>();
  /** Folders made for the staged files: an aborted build leaves no empty output folder behind. */
  private readonly createdFolders: string[] = [];
  private readonly preparedFolders = new Map<string, Promise<void>>();
  private readonly writes = new Set<Promise<void>>();
  /** Every file-system operation under way: abort waits for them before removing what they made. */
  private readonly operations = new Set<Promise<unknown>>();
  /** The first failed write of a whole file: reported by the next call, and by commit. */
  private failure: unknown;
  /** Set by abort: nothing more may be staged (a running build learns it at its next write). */
  private closed = false;
  private unregisterInterrupt?: () => void;
  private aborting?: Promise<void>;
  /** Files renamed into place so far (all of them after a commit; some when it failed half-way). */
  protected readonly renamed: string[] = [];

  /** The error a failed operation on `path` (a staged file or folder) is reported as. */
  protected explain(error: unknown, path: string): unknown {
    return explainFsError(error, path);
  }

  /** After abort nothing is written, and nothing committed (it would commit an empty set). */
  protected assertOpen(): void {
    if (this.closed) throw new Error('the staged files were removed (aborted or interrupted): nothing was replaced');
  }

  /** Runs a file-system operation on behalf of `path`, tracked so that abort can wait for it. */
  private operation<T>(path: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new OutputError(path, 'the output was aborted: nothing more is written'));
    this.unregisterInterrupt ??= onInterrupt(() => this.interrupt());
    const running = work().catch((error: unknown) => {
      throw this.explain(error, path);
    });
    const tracked = running.then(() => undefined, () => undefined).finally(() => this.operations.delete(tracked));
    this.operations.add(tracked);
    return running;
  }

  /** Makes the folder once per folder, remembering what it created. */
  private prepareFolder(folder: string): Promise<void> {
    let prepared = this.preparedFolders.get(folder);
    if (prepared === undefined) {
      prepared = this.operation(folder, () => makeFolders(folder)).then((created) => {
        this.createdFolders.push(...created);
      });
      this.preparedFolders.set(folder, prepared);
    }
    return prepared;
  }

  /** A new staged file for `path` (nothing is written yet). */
  private entry(path: string): StagedFile {
    return { temporary: join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`), pending: [], pendingLength: 0 };
  }

  /** The paths staged so far. */
  stagedPaths(): string[] {
    return [...this.files.keys()];
  }

  /** Refuses a target that a file cannot replace, before anything is written there. */
  private async prepare(path: string): Promise<void> {
    if (await stat(path).then((info) => info.isDirectory(), () => false)) {
      throw new OutputError(path, 'is a folder: cannot write a file there (nothing was written)', 'EISDIR');
    }
    await this.prepareFolder(dirname(path));
  }

  private throwFailure(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private async flush(path: string, file: StagedFile): Promise<void> {
    if (file.pending.length === 0 || file.handle === undefined) return;
    const buffers = file.pending.map((data) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
    file.pending = [];
    file.pendingLength = 0;
    const handle = file.handle;
    const length = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
    await this.operation(path, async () => {
      const { bytesWritten } = await handle.writev(buffers);
      // A short write to a regular file is a full device that did not say so (writev reports no ENOSPC).
      if (bytesWritten !== length) throw Object.assign(new Error(`wrote ${bytesWritten} of ${length} bytes`), { code: 'ENOSPC' });
    });
  }

  private async appendable(path: string): Promise<StagedFile & { handle: FileHandle }> {
    this.throwFailure();
    let file = this.files.get(path);
    if (file === undefined) {
      const created = this.entry(path);
      file = created;
      this.files.set(path, created);
      await this.prepare(path);
      // Read as well as written: a corpus build reads back what it streamed (GraphWriter).
      created.handle = await this.operation(path, () => open(created.temporary, 'w+'));
    }
    if (file.handle === undefined) throw new Error(`${path} was staged whole: it cannot be appended to`);
    return file as StagedFile & { handle: FileHandle };
  }

  async append(path: string, data: string | Uint8Array): Promise<void> {
    const file = await this.appendable(path);
    file.pending.push(data);
    file.pendingLength += data.length;
    if (file.pendingLength >= FLUSH_AT) await this.flush(path, file);
  }

  /** `length` bytes from `offset` of what was appended to `path` so far. */
  async read(path: string, offset: number, length: number): Promise<Uint8Array> {
    const file = await this.appendable(path);
    await this.flush(path, file);
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await this.operation(path, () => file.handle.read(bytes, 0, length, offset));
    if (bytesRead !== length) throw new Error(`${path}: could read back ${bytesRead} of ${length} bytes`);
    return bytes;
  }

  /**
   * The whole content of `path`; writing the same path again replaces what was staged. The write
   * may still run when this returns (a few run at a time); commit waits for all of them.
   */
  async write(path: string, data: string | Uint8Array): Promise<void> {
    this.throwFailure();
    while (this.writes.size >= CONCURRENT_FILES) await Promise.race(this.writes);
    const previous = this.files.get(path);
    const file = this.entry(path);
    this.files.set(path, file);
    file.writing = (async () => {
      if (previous !== undefined) {
        await previous.writing?.catch(() => undefined);
        await previous.handle?.close();
        await rm(previous.temporary, { force: true });
      }
      await this.prepare(path);
      await this.operation(path, async () => {
        const handle = await open(file.temporary, 'w');
        try {
          await handle.writeFile(data);
        } finally {
          await handle.close();
        }
      });
    })();
    const tracked: Promise<void> = file.writing
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.writes.delete(tracked));
    this.writes.add(tracked);
  }

  /** Waits for every write, syncs every file to disk, then renames them all into place; returns the paths. */
  async commit(): Promise<string[]> {
    this.assertOpen();
    const paths = [...this.files.keys()];
    try {
      await Promise.all(this.writes);
      this.throwFailure();
      await inGroups([...this.files], async ([path, file]) => {
        if (file.handle !== undefined) {
          await this.flush(path, file);
          const handle = file.handle;
          await this.operation(path, async () => {
            await handle.sync();
            await handle.close();
          });
          file.handle = undefined;
        } else {
          await this.operation(path, async () => {
            const handle = await open(file.temporary, 'r+');
            try {
              await handle.sync();
            } finally {
              await handle.close();
            }
          });
        }
      });
      await inGroups([...this.files], async ([path, file]) => {
        await this.operation(path, () => rename(file.temporary, path));
        this.files.delete(path);
        this.renamed.push(path);
      });
    } catch (error) {
      await this.abort();
      throw error;
    }
    this.unregisterInterrupt?.();
    return paths;
  }

  /**
   * Removes every temporary file not yet renamed; the previous files stay as they were. Safe while
   * the files are still being written: it waits for the operations under way, and refuses new ones.
   */
  /** What a signal does to staged files: remove them. */
  protected interrupt(): Promise<void> {
    return this.abort();
  }

  abort(): Promise<void> {
    // Once, however many callers (the build failing, and a signal arriving meanwhile) ask for it.
    this.aborting ??= this.removeStaged();
    return this.aborting;
  }

  private async removeStaged(): Promise<void> {
    this.closed = true;
    await Promise.all(this.writes);
    while (this.operations.size > 0) await Promise.all(this.operations);
    for (const file of this.files.values()) {
      await file.handle?.close().catch(() => undefined);
      await rm(file.temporary, { force: true });
    }
    this.files.clear();
    for (const folder of this.createdFolders.splice(0).reverse()) await rm(folder, { recursive: true, force: true });
    this.unregisterInterrupt?.();
  }
}

/** Writes several files so that either all new versions land or none does. */
export async function writeFilesAtomic(files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const staged = new StagedFiles();
  try {
    for (const [path, data] of files) await staged.write(path, data);
  } catch (error) {
    await staged.abort();
    throw error;
  }
  await staged.commit();
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic(new Map([[path, data]]));
}
