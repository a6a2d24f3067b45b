/**
 * JSON-LD export, compacted with the project's bundled context (ontology/context.jsonld) embedded
 * inline, so the file stands alone. No network: the document loader refuses every URL.
 */
import type { Quad } from '@rdfjs/types';
import { readFile } from 'node:fs/promises';
import { unionGraph } from './serialise.js';
import { compactTriples } from './jsonld-compact.js';

export { compactNodes } from './jsonld-compact.js';

export type JsonLdContext = Record<string, unknown>;

/** A document loader for offline use: every remote context is an error that says which URL was asked for. */
export function offlineDocumentLoader(url: string): never {
  throw new Error(`JSON-LD: refusing to fetch remote context ${url} (peacegraph works offline; inline or bundle the context)`);
}

export async function loadContext(path: string): Promise<JsonLdContext> {
  let document: { '@context'?: unknown };
  try {
    document = JSON.parse(await readFile(path, 'utf8')) as { '@context'?: unknown };
  } catch (error) {
    throw new Error(`${path}: cannot read the JSON-LD context: ${(error as Error).message}`);
  }
  const context = document['@context'];
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new Error(`${path}: expected a JSON object with an "@context" object`);
  }
  return context as JsonLdContext;
}

/** The union graph as compacted JSON-LD, built directly from the triples (see jsonld-compact.ts for why). */
export function toJsonLd(quads: Iterable<Quad>, context: JsonLdContext): string {
  return `${JSON.stringify(compactTriples(unionGraph(quads), context), null, 2)}\n`;
}

/** jsonld wraps loader errors ("loading remote context failed"); the innermost cause says what happened. */
export function jsonLdErrorMessage(error: unknown): string {
  let current = error as { message?: string; details?: { cause?: unknown }; cause?: unknown } | undefined;
  let message = String(current?.message ?? error);
  while (current !== undefined && current !== null) {
    const next = (current.details?.cause ?? current.cause) as typeof current;
    if (next?.message !== undefined) message = next.message;
    current = next;
  }
  return message;
}
