/** Where the project's bundled files are, whether running from src/ (tsx) or dist/ (compiled). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const BUNDLED = {
  reports: join(PROJECT_ROOT, 'data', 'reports'),
  themes: join(PROJECT_ROOT, 'ontology', 'themes.ttl'),
  ontology: join(PROJECT_ROOT, 'ontology', 'peacegraph.ttl'),
  shapes: join(PROJECT_ROOT, 'ontology', 'shapes.ttl'),
  context: join(PROJECT_ROOT, 'ontology', 'context.jsonld'),
  /** A subset of schema.org's JSON-LD context, served instead of fetching https://schema.org (data/contexts/README.md). */
  schemaOrgContext: join(PROJECT_ROOT, 'data', 'contexts', 'schema.org.jsonld'),
  queries: join(PROJECT_ROOT, 'queries'),
  /** Country names -> ISO 3166-1 alpha-2 codes, for schema:addressCountry in the event pages. */
} as const;
