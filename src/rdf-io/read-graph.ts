/**
 * Reads a graph file in any format peacegraph writes, chosen by extension; JSON-LD never touches the
 * network (the schema.org context is served from data/contexts/).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import jsonld from 'jsonld';
import type { JsonLdDocument } from 'jsonld';
import { Parser } from 'n3';
import { factory } from '../rdf/factory.js';
import type { Quad } from '@rdfjs/types';
import { jsonLdErrorMessage } from './jsonld.js';
import { bundledDocumentLoader } from '../read/jsonld-loader.js';

const N3_FORMATS: Readonly<Record<string, string>> = {
  '.ttl': 'text/turtle',
  '.nt': 'application/n-triples',
  '.nq': 'application/n-quads',
  '.trig': 'application/trig',
};
const JSONLD_EXTENSIONS = new Set(['.jsonld', '.json']);

export const GRAPH_EXTENSIONS = [...Object.keys(N3_FORMATS), ...JSONLD_EXTENSIONS] as const;

/** JSON-LD text as N-Quads, with the bundled contexts; errors name the file. */
export async function jsonLdToNQuads(path: string, text: string): Promise<string> {
  let document: JsonLdDocument;
  try {
    document = JSON.parse(text) as JsonLdDocument;
  } catch (error) {
    throw new Error(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  try {
    return (await jsonld.toRDF(document, {
      format: 'application/n-quads',
      documentLoader: bundledDocumentLoader,
    })) as unknown as string;
  } catch (error) {
    throw new Error(`${path}: ${jsonLdErrorMessage(error)}`);
  }
}

export async function readGraphFile(path: string): Promise<Quad[]> {
  const extension = extname(path).toLowerCase();
  const isJsonLd = JSONLD_EXTENSIONS.has(extension);
  const format = N3_FORMATS[extension];
  if (!isJsonLd && format === undefined) {
    throw new Error(`${path}: unknown graph format "${extension}" (expected one of ${GRAPH_EXTENSIONS.join(', ')})`);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    if (isJsonLd) return new Parser({ format: 'application/n-quads', factory }).parse(await jsonLdToNQuads(path, text));
    return new Parser({ format, baseIRI: `file://${path}`, factory }).parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(message.startsWith(path) ? message : `${path}: ${message}`);
  }
}
