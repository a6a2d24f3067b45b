/**
 * Files are never half written: every file goes to a temporary sibling first, and only when all are
 * complete are they renamed into place. Large files are appended to while they are built (the
 * corpus writer streams), small ones are written whole.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

interface StagedFile {
  readonly temporary: string;
  handle?: FileHandle;
  /** Appended data not yet handed to the file system (small appends are batched into large writes). */
  pending: Array<string | Uint8Array>;
  pendingLength: number;
}

const FLUSH_AT = 1 << 20;

/** A set of files written to temporary siblings, then all renamed into place, or all removed. */
export class StagedFiles {
  private readonly files = new Map<string, StagedFile>();
  /** Folders made for the staged files: an aborted build leaves no empty output folder behind. */
  private readonly createdFolders: string[] = [];

  /** Refuses a target that a file cannot replace, before anything is written. */
  private async stage(path: string): Promise<StagedFile> {
    const existing = this.files.get(path);
    if (existing !== undefined) return existing;
    if (await stat(path).then((info) => info.isDirectory(), () => false)) {
      throw new Error(`${path} is a folder: cannot write a file there (nothing was written)`);
    }
    const created = await mkdir(dirname(path), { recursive: true });
    if (created !== undefined) this.createdFolders.push(created);
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const file: StagedFile = { temporary, pending: [], pendingLength: 0 };
    this.files.set(path, file);
    // Read as well as written: a corpus build reads back what it streamed (GraphWriter).
    file.handle = await open(temporary, 'w+');
    return file;
  }

  private async flush(file: StagedFile): Promise<void> {
    if (file.pending.length === 0 || file.handle === undefined) return;
    const buffers = file.pending.map((data) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
    file.pending = [];
    file.pendingLength = 0;
    await file.handle.writev(buffers);
  }

  private async appendable(path: string): Promise<StagedFile & { handle: FileHandle }> {
    const file = await this.stage(path);
    if (file.handle === undefined) throw new Error(`${path} was staged whole: it cannot be appended to`);
    return file as StagedFile & { handle: FileHandle };
  }

  async append(path: string, data: string | Uint8Array): Promise<void> {
    const file = await this.appendable(path);
    file.pending.push(data);
    file.pendingLength += data.length;
    if (file.pendingLength >= FLUSH_AT) await this.flush(file);
  }

  /** `length` bytes from `offset` of what was appended to `path` so far. */
  async read(path: string, offset: number, length: number): Promise<Uint8Array> {
    const file = await this.appendable(path);
    await this.flush(file);
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await file.handle.read(bytes, 0, length, offset);
    if (bytesRead !== length) throw new Error(`${path}: could read back ${bytesRead} of ${length} bytes`);
    return bytes;
  }

  /** The whole content of `path`; writing the same path again replaces what was staged. */
  async write(path: string, data: string | Uint8Array): Promise<void> {
    const previous = this.files.get(path);
    if (previous !== undefined) {
      this.files.delete(path);
      await previous.handle?.close();
      await rm(previous.temporary, { force: true });
    }
    const file = await this.stage(path);
    // Closed at once: a corpus build stages thousands of event pages, more than a process may keep open.
    await file.handle!.writeFile(data);
    await file.handle!.sync();
    await file.handle!.close();
    file.handle = undefined;
  }

  /** Flushes and syncs every file, then renames them all into place; returns the paths. */
  async commit(): Promise<string[]> {
    const paths = [...this.files.keys()];
    try {
      for (const file of this.files.values()) {
        if (file.handle === undefined) continue;
        await this.flush(file);
        await file.handle.sync();
        await file.handle.close();
        file.handle = undefined;
      }
      for (const [path, file] of [...this.files]) {
        await rename(file.temporary, path);
        this.files.delete(path);
      }
    } catch (error) {
      await this.abort();
      throw error;
    }
    return paths;
  }

  /** Removes every temporary file not yet renamed; the previous files stay as they were. */
  async abort(): Promise<void> {
    for (const file of this.files.values()) {
      await file.handle?.close().catch(() => undefined);
      await rm(file.temporary, { force: true });
    }
    this.files.clear();
    for (const folder of this.createdFolders.splice(0)) await rm(folder, { recursive: true, force: true });
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
