/**
 * The manifest of an output folder: the files the last build wrote there, relative to the folder,
 * so the next build removes those it no longer produces, and nothing else (a user's own file in the
 * folder stays). It is read as untrusted input: a name that would leave the folder is refused.
 * For the graph files that engines parse, it also records each one's size and SHA-256 as written,
 * so that a reader can tell the file is still the build's own (src/query/load-store.ts).
 */
import { createHash, type Hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { errnoCode, explainFsError } from './output-error.js';

export const MANIFEST_NAME = '.peacegraph-manifest.json';
export const LOCK_NAME = '.peacegraph-lock';

/** A file as the build wrote it. */
export interface WrittenFile {
  readonly bytes: number;
  /** SHA-256 of the content, in hexadecimal. */
  readonly sha256: string;
}

/** A file's size and SHA-256, taken from the bytes as they are staged (reading the file again would cost a second pass). */
export class WrittenDigest {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;

  add(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.hash.update(bytes);
    this.bytes += bytes.length;
  }

  result(): WrittenFile {
    return { bytes: this.bytes, sha256: this.hash.copy().digest('hex') };
  }
}

/** Whether `bytes` are those of a file as the build recorded it: the same size, then the same SHA-256. */
export function isAsWritten(bytes: Uint8Array, record: WrittenFile): boolean {
  return bytes.length === record.bytes && createHash('sha256').update(bytes).digest('hex') === record.sha256;
}

interface ManifestFile {
  readonly generator: 'peacegraph';
  /** Paths relative to the folder, with `/` separators, sorted. */
  readonly files: readonly string[];
  /** Some of those files, by path, as they were written (absent when none is recorded). */
  readonly written?: Readonly<Record<string, WrittenFile>>;
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

/** The manifest's JSON, or undefined when the folder has none. */
async function manifestValue(folder: string): Promise<Partial<ManifestFile> | undefined> {
  const path = join(folder, MANIFEST_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw explainFsError(error, path);
  }
  try {
    return JSON.parse(text) as Partial<ManifestFile>;
  } catch {
    return {};
  }
}

const isPeacegraphManifest = (value: Partial<ManifestFile>): value is Partial<ManifestFile> & Pick<ManifestFile, 'files'> =>
  value.generator === 'peacegraph' && Array.isArray(value.files);

export async function readManifest(folder: string): Promise<ManifestRead> {
  const value = await manifestValue(folder);
  if (value === undefined) return { files: [] };
  if (!isPeacegraphManifest(value) || !value.files.every((name) => validName(folder, name))) {
    return { problem: `${MANIFEST_NAME} is not a peacegraph manifest: files of earlier builds were not removed; this build writes a new one` };
  }
  return { files: value.files };
}

/**
 * How the last build wrote the files it recorded, by name; empty without a peacegraph manifest.
 * The names are only looked up, never opened: they need none of the checks readManifest makes
 * (20,000 names at 10,000 reports took 0.13 s).
 */
export async function readWrittenFiles(folder: string): Promise<ReadonlyMap<string, WrittenFile>> {
  const value = await manifestValue(folder);
  return value !== undefined && isPeacegraphManifest(value) ? writtenFiles(value.files, value.written) : new Map();
}

export const isWrittenFile = (value: unknown): value is WrittenFile => {
  const { bytes, sha256 } = (value ?? {}) as Partial<Record<keyof WrittenFile, unknown>>;
  return Number.isSafeInteger(bytes) && (bytes as number) >= 0 && typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256);
};

/** The records of listed files that are well formed; any other record is left out (its file is then not known as written). */
function writtenFiles(files: readonly string[], records: unknown): Map<string, WrittenFile> {
  const listed = new Set(files);
  const entries = records !== null && typeof records === 'object' ? Object.entries(records) : [];
  return new Map(entries.filter((entry): entry is [string, WrittenFile] => listed.has(entry[0]) && isWrittenFile(entry[1]))
    .map(([name, { bytes, sha256 }]) => [name, { bytes, sha256 }]));
}

export async function writeManifest(folder: string, files: Iterable<string>, written: ReadonlyMap<string, WrittenFile> = new Map()): Promise<void> {
  const names = [...new Set(files)].sort();
  const records = names.filter((name) => written.has(name)).map((name) => [name, written.get(name)!] as const);
  const manifest: ManifestFile = { generator: 'peacegraph', files: names, ...(records.length > 0 ? { written: Object.fromEntries(records) } : {}) };
  await writeFileAtomic(join(folder, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
}
