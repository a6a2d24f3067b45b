/**
 * An output folder owned by peacegraph for one build: locked against a concurrent build (lock.ts),
 * cleared of the temporary files a killed build left, and, when the build commits, cleared of the
 * files the previous build wrote and this one no longer produces (manifest.ts). Files peacegraph
 * did not write stay. The manifest lists every file a build may have put in place at any moment
 * (the previous files plus the new ones while renaming), so even a build killed half-way through
 * its renames leaves nothing the next build cannot clean up.
 */
import { readdir, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeFolders, StagedFiles } from './atomic.js';
import { onInterrupt } from './interrupt.js';
import { acquireLock, type HeldLock } from './lock.js';
import { insideFolder, LOCK_NAME, readManifest, readWrittenFiles, writeManifest, WrittenDigest, type WrittenFile } from './manifest.js';
import { errnoCode, explainFsError, OutputError, problemOf, TEMPORARY_NAME } from './output-error.js';

/** Failures of the folder or its device, reported against the folder rather than one of its files. */
const FOLDER_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO']);

/** Makes the output folder and its missing parents; returns those it made, to remove them if nothing lands. */
async function prepareFolder(folder: string): Promise<string[]> {
  try {
    return await makeFolders(folder);
  } catch (error) {
    // Named after the output folder asked for, saying which part could not be made.
    if (error instanceof OutputError && error.path !== folder) throw new OutputError(folder, `cannot make ${error.path}: ${error.problem}`, error.code);
    throw error;
  }
}

/** Removes folders this build made, innermost first, as long as they are empty. */
async function removeEmptyFolders(folders: readonly string[]): Promise<void> {
  for (const folder of [...folders].reverse()) if (!(await rmdir(folder).then(() => true, () => false))) return;
}

/** Removes the temporary files of earlier, killed builds from the given folders; returns how many. */
async function sweepTemporaryFiles(folders: Iterable<string>): Promise<number> {
  let removed = 0;
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((entry) => TEMPORARY_NAME.test(entry))) {
      await unlink(join(folder, name)).then(() => { removed += 1; }, (error: unknown) => {
        if (errnoCode(error) !== 'ENOENT') throw explainFsError(error, folder);
      });
    }
  }
  return removed;
}

export interface OutFolderOptions {
  /** Files (relative to the folder) whose size and SHA-256 the manifest records as written. */
  readonly recorded?: readonly string[];
  /** Folders (relative to the folder) a build always stages files in: swept of a killed build's temporary files even when no manifest lists them. */
  readonly folders?: readonly string[];
}

export class OutFolder extends StagedFiles {
  private releasing?: Promise<void>;
  private committing?: Promise<string[]>;
  private readonly unregisterCleanup: () => void;
  /** The recorded files staged so far, by name. */
  private readonly digests = new Map<string, WrittenDigest>();
  private readonly recorded: ReadonlySet<string>;

  private constructor(
    readonly folder: string,
    private readonly lock: HeldLock,
    private readonly previous: readonly string[],
    /** The previous build's records of its files (manifest.ts), kept for those this one has not replaced. */
    private readonly previousRecords: ReadonlyMap<string, WrittenFile>,
    /** Folders made for this build, outermost first: removed if nothing lands. */
    private readonly madeFolders: readonly string[],
    /** What the claim found and did, for the user (warnings). */
    readonly notes: readonly string[],
    options: OutFolderOptions,
  ) {
    super();
    this.recorded = new Set(options.recorded ?? []);
    this.unregisterCleanup = onInterrupt(() => this.interrupt());
  }

  /** Locks `folder` (making it if missing) and removes what killed builds left there. */
  static async claim(folder: string, options: OutFolderOptions = {}): Promise<OutFolder> {
    const createdFolders = await prepareFolder(folder);
    const removeCreated = () => removeEmptyFolders(createdFolders);
    let lock: HeldLock;
    try {
      lock = await acquireLock(join(folder, LOCK_NAME), folder);
    } catch (error) {
      await removeCreated();
      throw error;
    }
    const notes: string[] = [];
    try {
      const manifest = await readManifest(folder);
      const previous = 'files' in manifest ? manifest.files : [];
      if ('problem' in manifest) notes.push(manifest.problem);
      if (lock.tookOver) {
        notes.push(`took over the lock of a build that is no longer running (pid ${lock.tookOver.pid}, started ${lock.tookOver.started})`);
      }
      const swept = [folder, ...(options.folders ?? []).map((name) => join(folder, name)), ...previous.map((name) => dirname(join(folder, name)))];
      const removed = await sweepTemporaryFiles(new Set(swept));
      if (removed > 0) notes.push(`removed ${removed} temporary file(s) left by an interrupted build`);
      const previousRecords = 'files' in manifest ? await readWrittenFiles(folder) : new Map<string, WrittenFile>();
      return new OutFolder(folder, lock, previous, previousRecords, createdFolders, notes, options);
    } catch (error) {
      await lock.release();
      await removeCreated();
      throw error;
    }
  }

  protected override explain(error: unknown, path: string): unknown {
    const code = errnoCode(error);
    return code !== undefined && FOLDER_CODES.has(code) ? new OutputError(this.folder, problemOf(code), code) : super.explain(error, path);
  }

  private names(paths: readonly string[]): string[] {
    return paths.map((path) => insideFolder(this.folder, path)).filter((name): name is string => name !== undefined);
  }

  /** The digest of a recorded file, started afresh when `whole` (its content staged again). */
  private digestOf(path: string, whole: boolean): WrittenDigest | undefined {
    const name = insideFolder(this.folder, path);
    if (name === undefined || !this.recorded.has(name)) return undefined;
    let digest = this.digests.get(name);
    if (digest === undefined || whole) this.digests.set(name, digest = new WrittenDigest());
    return digest;
  }

  /** The size and SHA-256 of a recorded file as staged so far. */
  recordOf(path: string): WrittenFile | undefined {
    const name = insideFolder(this.folder, path);
    return name === undefined ? undefined : this.digests.get(name)?.result();
  }

  override async append(path: string, data: string | Uint8Array): Promise<void> {
    await super.append(path, data);
    this.digestOf(path, false)?.add(data);
  }

  override async write(path: string, data: string | Uint8Array): Promise<void> {
    await super.write(path, data);
    this.digestOf(path, true)?.add(data);
  }

  /**
   * Writes the manifest listing `files`. A file's record is this build's once it has `landed`
   * (been renamed into place), the previous build's until then: a commit that fails half-way
   * leaves records of the files as they are.
   */
  private async manifest(files: Iterable<string>, landed: Iterable<string>): Promise<void> {
    const records = new Map(this.previousRecords);
    for (const name of landed) {
      const digest = this.digests.get(name);
      if (digest === undefined) records.delete(name);
      else records.set(name, digest.result());
    }
    try {
      await writeManifest(this.folder, files, records);
    } catch (error) {
      throw this.explain(error, this.folder);
    }
  }

  /**
   * A signal during commit lets the commit finish (it only renames and removes files), so the
   * folder holds one build's output whole: the previous one, or this one.
   */
  protected override interrupt(): Promise<void> {
    return this.committing?.then(() => undefined, () => undefined) ?? this.abort();
  }

  /** Renames the staged files into place, then removes the previous build's files this one did not write. */
  override commit(): Promise<string[]> {
    this.committing ??= this.publish();
    return this.committing;
  }

  private async publish(): Promise<string[]> {
    try {
      this.assertOpen();
      await this.manifest([...this.previous, ...this.names(this.stagedPaths())], []);
      const written = await super.commit().catch(async (error: unknown) => {
        // What is in place now: the previous files and those renamed before the failure.
        const renamed = this.names(this.renamed);
        await this.manifest([...this.previous, ...renamed], renamed).catch(() => undefined);
        throw error;
      });
      const kept = new Set(this.names(written));
      for (const name of this.previous.filter((file) => !kept.has(file))) {
        // Gone already, or replaced by a folder of the user's: nothing of ours to remove.
        await unlink(join(this.folder, name)).catch((error: unknown) => {
          if (!['ENOENT', 'EISDIR', 'EPERM'].includes(errnoCode(error) ?? '')) throw this.explain(error, join(this.folder, name));
        });
      }
      await this.manifest(kept, kept);
      return written;
    } finally {
      await this.release();
    }
  }

  override async abort(): Promise<void> {
    try {
      await super.abort();
    } finally {
      await this.release();
      await removeEmptyFolders(this.madeFolders);
    }
  }

  /** Once: a signal's cleanup must wait for a release already under way, not skip it. */
  private release(): Promise<void> {
    this.releasing ??= (async () => {
      this.unregisterCleanup();
      await this.lock.release();
    })();
    return this.releasing;
  }
}
