/**
 * JSON-LD export at scale: jsonld.fromRDF + jsonld.compact (the library path) against
 * compactTriples (built directly from the sorted triples), on a synthetic graph of about
 * TRIPLES triples (default 100k). Run: npx tsx bench/jsonld-export.ts [TRIPLES]
 */
import jsonld from 'jsonld';
import type { ContextDefinition } from 'jsonld';
import { loadContext, offlineDocumentLoader, toJsonLd } from '../src/rdf-io/jsonld.js';
import { unionGraph } from '../src/rdf-io/serialise.js';
import { BUNDLED } from '../src/paths.js';
import { syntheticQuads, time } from './synthetic.js';

const quads = syntheticQuads(Number(process.argv[2] ?? 100_000));
const context = await loadContext(BUNDLED.context);
console.log(`${unionGraph(quads).length} triples`);
// Both paths include the union-graph sort and JSON.stringify, as the export does.
await time('jsonld.fromRDF + jsonld.compact', async () => {
  const dataset = unionGraph(quads) as unknown as Parameters<typeof jsonld.fromRDF>[0];
  const expanded = await jsonld.fromRDF(dataset, { useNativeTypes: false });
  const compacted = await jsonld.compact(expanded, context as ContextDefinition, {
    documentLoader: async (url: string) => offlineDocumentLoader(url),
  });
  return JSON.stringify(compacted, null, 2);
});
await time('direct (toJsonLd)', () => toJsonLd(quads, context));
