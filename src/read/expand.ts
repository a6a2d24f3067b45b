/** Paths named by the user -> report files: folders expand to their report files, sorted. */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { describeFsError, InputError } from './problems.js';

export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.html', '.htm']);

function isReportFile(name: string): boolean {
  return !name.startsWith('.') && REPORT_EXTENSIONS.has(extname(name).toLowerCase());
}

/** The files a path stands for; throws InputError for a missing path, an empty folder, a device. */
async function expandOne(path: string): Promise<string[]> {
  const info = await stat(path).catch((error: unknown) => {
    throw new InputError(path, describeFsError(error));
  });
  if (info.isFile()) return [path];
  if (!info.isDirectory()) throw new InputError(path, 'not a regular file or folder');
  const entries = await readdir(path, { withFileTypes: true }).catch((error: unknown) => {
    throw new InputError(path, describeFsError(error));
  });
  // Code-unit order, not locale order: the same on every machine.
  const names = entries.filter((entry) => !entry.isDirectory() && isReportFile(entry.name)).map((entry) => entry.name).sort();
  if (names.length === 0) throw new InputError(path, `folder holds no report file (${[...REPORT_EXTENSIONS].join(', ')})`);
  return names.map((name) => join(path, name));
}

export async function expandInputs(paths: readonly string[]): Promise<{ files: string[]; failures: InputError[] }> {
  const files: string[] = [];
  const failures: InputError[] = [];
  for (const path of paths) {
    try {
      files.push(...(await expandOne(path)));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failures.push(error);
    }
  }
  return { files, failures };
}
