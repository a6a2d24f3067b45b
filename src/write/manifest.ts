/**
 * The manifest of an output folder: the files the last build wrote there, relative to the folder,
 * so the next build removes those it no longer produces, and nothing else (a user's own file in the
 * folder stays). It is read as untrusted input: a name that would leave the folder is refused.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { errnoCode, explainFsError } from './output-error.js';

export const MANIFEST_NAME = '.peacegraph-manifest.json';
export const LOCK_NAME = '.peacegraph-lock';

interface ManifestFile {
  readonly generator: 'peacegraph';
  /** Paths relative to the folder, with `/` separators, sorted. */
  readonly files: readonly string[];
}

export type ManifestRead = { readonly files: readonly string[] } | { readonly problem: string };

/** `path` relative to `folder` with `/` separators, or undefined when it lies outside it (or is peacegraph's own bookkeeping). */
export function insideFolder(folder: string, path: string): string | undefined {
  const name = relative(folder, path);
  if (name === '' || isAbsolute(name) || name.split(sep).includes('..')) return undefined;
  const portable = name.split(sep).join('/');
  return portable === MANIFEST_NAME || portable === LOCK_NAME ? undefined : portable;
}

function validName(folder: string, name: unknown): name is string {
  return typeof name === 'string' && name === normalize(name).split(sep).join('/') && insideFolder(folder, join(folder, name)) === name;
}

export async function readManifest(folder: string): Promise<ManifestRead> {
  const path = join(folder, MANIFEST_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { files: [] };
    throw explainFsError(error, path);
  }
  let value: Partial<ManifestFile>;
  try {
    value = JSON.parse(text) as Partial<ManifestFile>;
  } catch {
    value = {};
  }
  if (value.generator !== 'peacegraph' || !Array.isArray(value.files) || !value.files.every((name) => validName(folder, name))) {
    return { problem: `${MANIFEST_NAME} is not a peacegraph manifest: files of earlier builds were not removed; this build writes a new one` };
  }
  return { files: value.files };
}

export async function writeManifest(folder: string, files: Iterable<string>): Promise<void> {
  const manifest: ManifestFile = { generator: 'peacegraph', files: [...new Set(files)].sort() };
  await writeFileAtomic(join(folder, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
}
