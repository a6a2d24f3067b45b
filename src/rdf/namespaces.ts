/** Namespaces (the ontology's prefixes, generated from ontology/*.ttl), and how minted IRIs are laid out. */
import { LOCAL_NAMES, NS } from './vocab.generated.js';

export { NS };

/** A namespace the ontology declares terms in. */
export type Prefix = keyof typeof LOCAL_NAMES;
/** The local names the ontology declares in a namespace. */
export type LocalName<P extends Prefix> = (typeof LOCAL_NAMES)[P][number];

/** A declared term's IRI as a string: for modules that need no RDF/JS terms, and so no factory to load (rdf-ext takes 0.4 s). */
export const termIri = <P extends Prefix>(prefix: P, name: LocalName<P>): string => NS[prefix] + name;

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
