/** What can go wrong with one input, always tied to the path the user gave. */
export interface InputProblem {
  readonly path: string;
  readonly problem: string;
}

/** The input was refused: nothing from it is in the graph. */
export type InputFailure = InputProblem;
/** The input was used, but changed or partly skipped (converted encoding, HTML, duplicate). */
export type InputWarning = InputProblem;

/** A refused input; the message names the file and the problem. */
export class InputError extends Error {
  constructor(readonly path: string, readonly problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'InputError';
  }

  toFailure(): InputFailure {
    return { path: this.path, problem: this.problem };
  }
}

/** The reason an fs call failed, in words (the errno code stays for searching). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return `permission denied (${code})`;
    case 'EISDIR': return 'is a folder, not a file (EISDIR)';
    case 'ELOOP': return 'symbolic link loop (ELOOP)';
    default: return `cannot read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
