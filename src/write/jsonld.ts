/**
 * JSON-LD export, compacted with the project's bundled context (ontology/context.jsonld) embedded
 * inline, so the file stands alone. No network: the document loader refuses every URL.
 */
import jsonld from 'jsonld';
import type { ContextDefinition } from 'jsonld';
import type { Quad } from '@rdfjs/types';
import { readFile } from 'node:fs/promises';
import { unionGraph } from './serialise.js';

export type JsonLdContext = Record<string, unknown>;

/** A document loader for offline use: every remote context is an error that says which URL was asked for. */
export function offlineDocumentLoader(url: string): never {
  throw new Error(`JSON-LD: refusing to fetch remote context ${url} (peacegraph works offline; inline or bundle the context)`);
}

export async function loadContext(path: string): Promise<JsonLdContext> {
  const document = JSON.parse(await readFile(path, 'utf8')) as { '@context': JsonLdContext };
  return document['@context'];
}

export async function toJsonLd(quads: Iterable<Quad>, context: JsonLdContext): Promise<string> {
  // jsonld.fromRDF on quad objects is fast; on an N-Quads string it is quadratic (NOTES.md).
  // The typings only know jsonld's legacy dataset shape; RDF/JS quads are what it reads at run time.
  const dataset = unionGraph(quads) as unknown as Parameters<typeof jsonld.fromRDF>[0];
  const expanded = await jsonld.fromRDF(dataset, { useNativeTypes: false });
  const compacted = await jsonld.compact(expanded, context as ContextDefinition, {
    documentLoader: async (url: string) => offlineDocumentLoader(url),
  });
  return `${JSON.stringify(compacted, null, 2)}\n`;
}
