/** Namespaces (the ontology's prefixes, generated from ontology/*.ttl), and how minted IRIs are laid out. */
export { NS } from './vocab.generated.js';

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
