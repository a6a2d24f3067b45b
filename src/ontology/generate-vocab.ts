/**
 * Regenerates src/rdf/vocab.generated.ts and ontology/context.jsonld from ontology/*.ttl (see
 * vocab-generator.ts). `npm run generate` runs it after install and before build, typecheck, test
 * and bench; .mocharc.json requires it, so mocha run directly also sees the current ontology.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateVocabulary } from './vocab-generator.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

try {
  await generateVocabulary({
    ontologyDirectory: join(root, 'ontology'),
    moduleFile: join(root, 'src', 'rdf', 'vocab.generated.ts'),
    contextFile: join(root, 'ontology', 'context.jsonld'),
  });
} catch (error) {
  console.error(`generate-vocab: ${(error as Error).message}`);
  process.exit(1);
}
