/**
 * The JSON-LD document loader for everything peacegraph reads: the contexts its own files name are
 * served from data/contexts/, every other URL is refused with its address (no network at run time).
 */
import { readFile } from 'node:fs/promises';
import type { Options } from 'jsonld';
import { BUNDLED } from '../paths.js';
import { offlineDocumentLoader } from '../rdf-io/jsonld.js';

/** The addresses schema.org's context is published under, all served by the bundled subset. */
const SCHEMA_ORG_URLS: ReadonlySet<string> = new Set(
  ['https', 'http'].flatMap((scheme) =>
    ['', '/', '/docs/jsonldcontext.jsonld', '/docs/jsonldcontext.json'].map((path) => `${scheme}://schema.org${path}`),
  ),
);

/** What jsonld's documentLoader option resolves to. */
type RemoteDocument = Awaited<ReturnType<NonNullable<Options.DocLoader['documentLoader']>>>;

let schemaOrg: Promise<RemoteDocument['document']> | undefined;

async function readSchemaOrgContext(): Promise<RemoteDocument['document']> {
  const path = BUNDLED.schemaOrgContext;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as RemoteDocument['document'];
  } catch (error) {
    throw new Error(`${path}: cannot read the bundled schema.org context: ${(error as Error).message}`);
  }
}

export async function bundledDocumentLoader(url: string): Promise<RemoteDocument> {
  if (!SCHEMA_ORG_URLS.has(url)) return offlineDocumentLoader(url);
  schemaOrg ??= readSchemaOrgContext();
  return { contextUrl: undefined, documentUrl: url, document: await schemaOrg };
}
