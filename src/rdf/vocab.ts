/**
 * IRI constants for every term the code emits. A test checks each one against ontology/*.ttl,
 * so a typo here or a term missing from the ontology fails the build.
 */
import { DataFactory } from 'n3';
import type { NamedNode } from '@rdfjs/types';
import { NS } from './namespaces.js';

type Terms<L extends string> = { readonly [K in L]: NamedNode };

function terms<L extends string>(base: string, localNames: readonly L[]): Terms<L> {
  const entries = localNames.map((name): [L, NamedNode] => [name, DataFactory.namedNode(base + name)]);
  return Object.fromEntries(entries) as Terms<L>;
}

export const PG = terms(NS.pg, [
  'Event', 'Session', 'SourceReport', 'SessionReport', 'Person', 'Organisation', 'Participation', 'Role',
  'Membership', 'Theme', 'Initiative', 'Place', 'Evidence',
  'ModeratorRole', 'SpeakerRole', 'ReporterRole', 'OrganiserRole',
  'participation', 'participant', 'role', 'moderator', 'speaker', 'theme', 'initiative', 'themeStatement',
  'jobTitle', 'alias', 'position', 'sha256', 'evidence',
  'ThemePair', 'OrganisationPair', 'pairMember', 'sessionCount',
] as const);

export const SCHEMA = terms(NS.schema, [
  'Event', 'Person', 'Organization', 'Place', 'PostalAddress', 'Report', 'CreativeWork',
  'name', 'alternateName', 'honorificPrefix', 'jobTitle', 'affiliation', 'parentOrganization',
  'startDate', 'endDate', 'location', 'address', 'addressLocality', 'addressCountry', 'streetAddress',
  'subEvent', 'superEvent', 'performer', 'organizer', 'description', 'author', 'about', 'mentions',
  'isPartOf', 'sameAs', 'datePublished',
] as const);

export const ORG = terms(NS.org, ['Membership', 'Organization', 'member', 'organization', 'subOrganizationOf'] as const);

export const OA = terms(NS.oa, [
  'Annotation', 'SpecificResource', 'TextPositionSelector', 'TextQuoteSelector',
  'hasBody', 'hasTarget', 'hasSource', 'hasSelector', 'start', 'end', 'exact', 'motivatedBy', 'identifying',
] as const);

export const PROV = terms(NS.prov, ['wasDerivedFrom'] as const);
export const SKOS = terms(NS.skos, ['Concept', 'prefLabel', 'altLabel'] as const);
export const OWL = terms(NS.owl, ['sameAs'] as const);
export const RDFS = terms(NS.rdfs, ['label'] as const);
export const RDF = terms(NS.rdf, ['type'] as const);
export const XSD = terms(NS.xsd, ['date', 'dateTime', 'integer', 'nonNegativeInteger', 'string'] as const);

/** Vocabularies whose terms the code emits (datatypes included); the vocabulary test walks them all. */
export const EMITTED_VOCABULARIES = { PG, SCHEMA, ORG, OA, PROV, SKOS, OWL, RDFS, RDF, XSD } as const;
