/**
 * Stage 1: report files and folders -> decoded, normalised SourceDocuments. Every problem is tied
 * to its file; one bad file never stops the others.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { SourceDocument } from '../model/types.js';
import { slugify } from '../rdf/iri.js';
import { expandInputs } from './expand.js';
import { loadText } from './load-file.js';
import { InputError, type InputFailure, type InputWarning } from './problems.js';

export { InputError, type InputFailure, type InputProblem, type InputWarning } from './problems.js';

export interface LoadResult {
  readonly documents: SourceDocument[];
  readonly failures: InputFailure[];
  readonly warnings: InputWarning[];
}

export interface LoadOptions {
  /** Largest accepted file in bytes; larger ones are refused without being read. Default 10 MiB. */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Slug of the base name; a later file with the same slug gets -2, -3, ... (inputs are in a fixed order). */
function uniqueId(path: string, taken: Set<string>): string {
  const stem = slugify(basename(path, extname(path)));
  let id = stem;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${stem}-${suffix}`;
  taken.add(id);
  return id;
}

export async function loadInputs(paths: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = Math.floor(options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!(maxBytes >= 0)) throw new RangeError(`the largest accepted report size must be a number of bytes >= 0, not ${String(options.maxBytes)}`);
  const expanded = await expandInputs(paths);
  const failures: InputFailure[] = expanded.failures.map((error) => error.toFailure());
  const warnings: InputWarning[] = [];
  const documents: SourceDocument[] = [];
  const ids = new Set<string>();
  const firstPathOf = new Map<string, string>();
  for (const path of expanded.files) {
    try {
      const { text, notes } = await loadText(path, maxBytes);
      warnings.push(...notes.map((problem) => ({ path, problem })));
      const sha256 = createHash('sha256').update(text).digest('hex');
      const earlier = firstPathOf.get(sha256);
      if (earlier !== undefined) {
        warnings.push({ path, problem: `same content as ${earlier}: skipped` });
        continue;
      }
      firstPathOf.set(sha256, path);
      documents.push({ id: uniqueId(path, ids), path, text, sha256 });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failures.push(error.toFailure());
    }
  }
  return { documents, failures, warnings };
}
