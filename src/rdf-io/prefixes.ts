/** Turtle/TriG prefixes: the vocabularies, the theme scheme, and one prefix per kind of minted resource. */
import { NS, RESOURCE_KINDS, type ResourceKind } from '../rdf/namespaces.js';
import { kindNamespace } from '../rdf/iri.js';

/** Prefix names for minted kinds; "org" is W3C ORG's, so organisations get "organisation". */
const KIND_PREFIX: Readonly<Record<ResourceKind, string>> = {
  event: 'event', session: 'session', report: 'report', section: 'section', person: 'person',
  org: 'organisation', place: 'place', initiative: 'initiative', membership: 'membership',
  participation: 'participation', evidence: 'evidence', graph: 'graph',
};

export function graphPrefixes(base: string): Record<string, string> {
  const prefixes: Record<string, string> = { ...NS };
  for (const kind of RESOURCE_KINDS) prefixes[KIND_PREFIX[kind]] = kindNamespace(base, kind);
  return prefixes;
}
