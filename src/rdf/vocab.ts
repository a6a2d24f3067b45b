/**
 * IRI constants for every term the ontology declares, one object per namespace. The names come
 * from src/rdf/vocab.generated.ts, generated from ontology/*.ttl (npm run generate), so a term is
 * added to the ontology only and a constant for an undeclared term does not typecheck.
 */
import type { NamedNode } from '@rdfjs/types';
import { LOCAL_NAMES } from './vocab.generated.js';
import { termIri, type LocalName, type Prefix } from './namespaces.js';
import { factory } from './factory.js';

type Vocabulary<P extends Prefix> = { readonly [K in LocalName<P>]: NamedNode };

function vocabulary<P extends Prefix>(prefix: P): Vocabulary<P> {
  const names: ReadonlyArray<LocalName<P>> = LOCAL_NAMES[prefix];
  return Object.fromEntries(names.map((name) => [name, factory.namedNode(termIri(prefix, name))])) as Vocabulary<P>;
}

export const PG = vocabulary('pg');
export const SCHEMA = vocabulary('schema');
export const ORG = vocabulary('org');
export const OA = vocabulary('oa');
export const PROV = vocabulary('prov');
export const SKOS = vocabulary('skos');
export const DCT = vocabulary('dct');
export const FOAF = vocabulary('foaf');
export const OWL = vocabulary('owl');
export const RDFS = vocabulary('rdfs');
export const RDF = vocabulary('rdf');
export const XSD = vocabulary('xsd');
