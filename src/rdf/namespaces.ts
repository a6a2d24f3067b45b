/** Namespaces used by peacegraph. The project's own terms are declared in ontology/*.ttl. */
export const NS = {
  pg: 'https://w3id.org/peacegraph/ontology#',
  theme: 'https://w3id.org/peacegraph/theme/',
  schema: 'http://schema.org/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  org: 'http://www.w3.org/ns/org#',
  prov: 'http://www.w3.org/ns/prov#',
  oa: 'http://www.w3.org/ns/oa#',
  sh: 'http://www.w3.org/ns/shacl#',
  wd: 'http://www.wikidata.org/entity/',
} as const;

/** Default base for minted data IRIs; `--base` replaces it. */
export const DEFAULT_BASE = 'https://w3id.org/peacegraph/id/';

/**
 * Kinds of minted resources. Each kind gets its own path segment and Turtle prefix, so local
 * names never contain "/" (N3.Writer would not shorten them).
 */
export const RESOURCE_KINDS = [
  'event', 'session', 'report', 'section', 'person', 'org', 'place', 'initiative',
  'membership', 'participation', 'evidence', 'graph',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
