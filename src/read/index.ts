/**
 * Stage 1: report files and folders -> decoded, normalised SourceDocuments. Every problem is tied
 * to its file; one bad file never stops the others.
 */
import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { SourceDocument } from '../model/types.js';
import { slugify } from '../rdf/iri.js';
import { decode, DecodeError } from './decode.js';
import { htmlToText, looksLikeHtml } from './html.js';

export interface InputProblem {
  readonly path: string;
  readonly problem: string;
}

export interface LoadResult {
  readonly documents: SourceDocument[];
  readonly failures: InputProblem[];
  readonly warnings: InputProblem[];
}

export interface LoadOptions {
  /** Largest accepted file; larger ones are refused without being read. Default 10 MiB. */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const REPORT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm']);

function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Files named on the command line, and the report files inside named folders (sorted). */
async function expand(paths: readonly string[], failures: InputProblem[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      failures.push({ path, problem: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? String(error)})` });
      continue;
    }
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      const reports = entries
        .filter((entry) => !entry.name.startsWith('.') && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase()))
        .map((entry) => join(path, entry.name))
        .sort();
      if (reports.length === 0) failures.push({ path, problem: 'folder holds no report file (.txt, .md, .html)' });
      files.push(...reports);
    } else if (info.isFile()) {
      files.push(path);
    } else {
      failures.push({ path, problem: 'not a regular file' });
    }
  }
  return files;
}

async function readLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new DecodeError(`file is ${mebibytes(size)}, over the ${mebibytes(maxBytes)} limit (raise it with --max-size)`);
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function uniqueId(path: string, taken: Set<string>): string {
  const stem = slugify(basename(path, extname(path)));
  let id = stem;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${stem}-${suffix}`;
  taken.add(id);
  return id;
}

export async function loadInputs(paths: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const failures: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const documents: SourceDocument[] = [];
  const ids = new Set<string>();
  const seen = new Map<string, string>();
  for (const path of await expand(paths, failures)) {
    try {
      const decoded = decode(await readLimited(path, maxBytes));
      let text = decoded.text;
      if (decoded.convertedFrom !== undefined) warnings.push({ path, problem: `converted from ${decoded.convertedFrom}` });
      if (looksLikeHtml(text)) {
        text = htmlToText(text);
        warnings.push({ path, problem: 'HTML page: extracted its text' });
      }
      if (text.trim() === '') {
        failures.push({ path, problem: 'empty file (no text)' });
        continue;
      }
      const sha256 = createHash('sha256').update(text).digest('hex');
      const earlier = seen.get(sha256);
      if (earlier !== undefined) {
        warnings.push({ path, problem: `same content as ${earlier}: skipped` });
        continue;
      }
      seen.set(sha256, path);
      documents.push({ id: uniqueId(path, ids), path, text, sha256 });
    } catch (error) {
      if (error instanceof DecodeError) {
        failures.push({ path, problem: error.message });
      } else {
        const code = (error as NodeJS.ErrnoException).code;
        failures.push({ path, problem: `cannot read (${code ?? (error as Error).message})` });
      }
    }
  }
  return { documents, failures, warnings };
}
