/**
 * graph.nt split by what a query's scope picks lines by (query/line-selector.ts): a file for each
 * predicate, and for each class of the rdf:type lines, in a folder beside it with an index. A
 * one-shot query on a large graph then reads the files its scope holds, each compared with its
 * record and then parsed unchecked, instead of picking its lines out of the whole file and checking
 * every IRI: at 10,000 reports, graph.nt is 620 MB and sessions-of-event reads 108 MB of it. Each file keeps the
 * lines in graph.nt's order, so a build's split is as deterministic as graph.nt. The index is
 * recorded in the manifest; each file's size and SHA-256 in the index.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineSorter, type LineKey } from '../query/line-selector.js';
import type { GraphFileName, GraphSink } from './graph-writer.js';
import { WrittenDigest, isAsWritten, isWrittenFile, type WrittenFile } from './manifest.js';

/** The file a build splits: the facts, which one-shot queries read. */
export const SPLIT_FILE: GraphFileName = 'graph.nt';
export const SPLIT_FOLDER = '.peacegraph-split';
const INDEX_NAME = 'index.json';
/** The lines that cannot be told simply (blank nodes, escaped IRIs, comments): every scope reads them. */
const OTHER_LINES = 'other.nt';
const PART_NAME = /^[A-Za-z0-9_-]+\.nt$/;

/** One file of a split: the lines of `key`, as written. */
export interface SplitPart extends WrittenFile {
  readonly key: LineKey;
  /** Its name in the split's folder. */
  readonly file: string;
}

interface SplitIndex {
  /** The split file as the splitter was given it: the split serves only that file. */
  readonly of: WrittenFile;
  readonly parts: readonly SplitPart[];
}

/** The folder of the split of `file` (a name in the output folder), relative to the output folder. */
export function splitFolderName(file: string): string {
  return `${SPLIT_FOLDER}/${file}`;
}

/** The index of the split of `file`, relative to the output folder. */
export function splitIndexName(file: string): string {
  return `${splitFolderName(file)}/${INDEX_NAME}`;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A readable name: the local name of the class (or predicate), and a hash of the whole key. */
export function partFileName(key: LineKey): string {
  if (key === '') return OTHER_LINES;
  const term = key.split(' ').at(-1)!;
  const local = /([^/#:]*)>$/.exec(term)?.[1]?.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) ?? '';
  return `${local === '' ? 'term' : local}-${sha256(key).slice(0, 12)}.nt`;
}

/** Writes the split of one file as the file's bytes are appended to it. */
export class GraphSplitter {
  private readonly sorter = new LineSorter();
  /** Each key's digest and file name (a name is a hash of its key: made once). */
  private readonly files = new Map<LineKey, { readonly digest: WrittenDigest; readonly name: string }>();

  /** `file`: the split file's name in the output folder; `append` and `write` take names relative to it. */
  constructor(
    readonly file: GraphFileName,
    private readonly append: (name: string, data: Uint8Array) => Promise<void>,
    private readonly write: (name: string, data: string) => Promise<void>,
  ) {}

  add(data: string | Uint8Array): Promise<void> {
    return this.appendGroups(this.sorter.sort(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
  }

  /** Writes the last line and the index; `of`: the split file as written (the output folder's record of it, not hashed twice). */
  async close(of: WrittenFile): Promise<void> {
    await this.appendGroups(this.sorter.end());
    const parts = [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, { digest, name }]): SplitPart => ({ key, file: name, ...digest.result() }));
    const index: SplitIndex = { of, parts };
    await this.write(splitIndexName(this.file), `${JSON.stringify(index, null, 2)}\n`);
  }

  private async appendGroups(groups: ReadonlyMap<LineKey, Buffer>): Promise<void> {
    for (const [key, lines] of groups) {
      let file = this.files.get(key);
      if (file === undefined) this.files.set(key, file = { digest: new WrittenDigest(), name: partFileName(key) });
      file.digest.add(lines);
      await this.append(`${splitFolderName(this.file)}/${file.name}`, lines);
    }
  }
}

/** A file of a split, with its path. */
export interface SplitFile extends SplitPart {
  readonly path: string;
}

/** A split as read: its index's path, and its files. */
export interface GraphSplit {
  readonly index: string;
  readonly parts: readonly SplitFile[];
}

const isSplitPart = (value: unknown): value is SplitPart => {
  const { key, file } = (value ?? {}) as Partial<Record<keyof SplitPart, unknown>>;
  return isWrittenFile(value) && typeof key === 'string' && typeof file === 'string' && PART_NAME.test(file);
};

/**
 * The split of `file` in `folder`, when its index is as the build recorded it (`record`, from the
 * manifest), well formed, and the split of the file the build recorded (`fileRecord`: a build whose
 * commit failed half-way may have replaced one and not the other); undefined otherwise, and the
 * file itself is then read.
 */
export async function readSplit(folder: string, file: string, record: WrittenFile | undefined, fileRecord: WrittenFile): Promise<GraphSplit | undefined> {
  if (record === undefined) return undefined;
  const index = join(folder, splitIndexName(file));
  const bytes = await readFile(index).catch(() => undefined);
  if (bytes === undefined || !isAsWritten(bytes, record)) return undefined;
  let value: Partial<SplitIndex>;
  try {
    value = JSON.parse(bytes.toString('utf8')) as Partial<SplitIndex>;
  } catch {
    return undefined;
  }
  if (value.of?.bytes !== fileRecord.bytes || value.of.sha256 !== fileRecord.sha256) return undefined;
  if (!Array.isArray(value.parts) || !value.parts.every(isSplitPart)) return undefined;
  const parts = value.parts.map(({ key, file: name, bytes: size, sha256: hash }) => ({ key, file: name, bytes: size, sha256: hash, path: join(folder, splitFolderName(file), name) }));
  return { index, parts };
}

/** `sink`, which also gives what is appended to the splitter's file to the splitter. */
export function splittingSink(sink: GraphSink, splitter: GraphSplitter): GraphSink {
  return {
    append: async (file, data) => {
      await sink.append(file, data);
      if (file === splitter.file) await splitter.add(data);
    },
    read: (file, offset, length) => sink.read(file, offset, length),
  };
}
