/**
 * File-system failures as one line a user can act on: the path concerned (never a temporary
 * file's name) and what is wrong, instead of a bare errno such as `ENOSPC: no space left on
 * device, write`.
 */

/** A failure to write output: `PATH: problem`, printed by the CLI as `peacegraph: error: PATH: problem`. */
export class OutputError extends Error {
  constructor(readonly path: string, readonly problem: string, readonly code?: string) {
    super(`${path}: ${problem}`);
    this.name = 'OutputError';
  }
}

/** What each errno means for someone writing output there, and what to do about it. */
const PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device: nothing was replaced; free some space and run again',
  EDQUOT: 'disk quota exceeded: nothing was replaced; free some space and run again',
  EROFS: 'read-only file system: nothing was written; choose a writable place',
  EACCES: 'permission denied: nothing was written; choose a folder you may write to',
  EPERM: 'operation not permitted: nothing was written; choose a folder you may write to',
  ENOTDIR: 'a part of this path is a file, not a folder: nothing was written; check the path',
  EISDIR: 'is a folder: cannot write a file there (nothing was written)',
  ENOENT: 'no such file or folder',
  EEXIST: 'already exists',
  EMFILE: 'too many open files: raise the limit (ulimit -n) and run again',
  ENFILE: 'too many open files on the system: run again later',
  EIO: 'input/output error: the device is failing or was removed; nothing was replaced',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links in the path',
};

/** Hidden temporary siblings of StagedFiles: `.NAME.PID.HEX.tmp`. */
export const TEMPORARY_NAME = /^\.(.+)\.(\d+)\.([0-9a-f]{8})\.tmp$/;

export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** The file a temporary sibling stands for (`dir/.graph.ttl.123.0a1b2c3d.tmp` -> `dir/graph.ttl`). */
export function targetOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const match = TEMPORARY_NAME.exec(path.slice(slash + 1));
  return match ? `${path.slice(0, slash + 1)}${match[1]}` : path;
}

export function problemOf(code: string): string {
  return PROBLEMS[code] ?? `file-system error ${code}`;
}

/**
 * An errno error as an OutputError about `path` (by default the path the error names, or the file
 * a temporary sibling stands for); other errors are returned unchanged.
 */
export function explainFsError(error: unknown, path?: string): unknown {
  if (error instanceof OutputError) return error;
  const code = errnoCode(error);
  const named = path ?? (error as NodeJS.ErrnoException).path;
  if (code === undefined || named === undefined) return error;
  return new OutputError(targetOf(named), problemOf(code), code);
}
