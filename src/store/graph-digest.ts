/**
 * What a named graph holds, as a triple count and a content hash, to compare the graph in a store
 * with the local one without trusting the store's serialisation. Each triple becomes one line in a
 * simple canonical form; lines are de-duplicated (a graph is a set), sorted and hashed. Language
 * tags are compared in lower case, as Virtuoso rewrites them so (they are case-insensitive in RDF).
 * peacegraph mints no blank nodes, so no blank-node canonicalisation is needed; a graph holding
 * some would simply always compare as different (and be sent again).
 */
import { createHash } from 'node:crypto';
import type { Quad, Term } from '@rdfjs/types';

export interface GraphDigest {
  readonly triples: number;
  /** SHA-256 of the sorted canonical lines, hex. */
  readonly hash: string;
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

function termKey(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const lexical = JSON.stringify(term.value);
      if (term.language !== '') return `${lexical}@${term.language.toLowerCase()}`;
      const datatype = term.datatype.value;
      return datatype === XSD_STRING || datatype === RDF_LANG_STRING ? lexical : `${lexical}^^<${datatype}>`;
    }
    default:
      throw new Error(`unexpected ${term.termType} in a graph`);
  }
}

export function graphDigest(quads: Iterable<Quad>): GraphDigest {
  const lines = new Set<string>();
  for (const quad of quads) lines.add(`${termKey(quad.subject)} ${termKey(quad.predicate)} ${termKey(quad.object)}`);
  const hash = createHash('sha256');
  for (const line of [...lines].sort()) hash.update(`${line}\n`);
  return { triples: lines.size, hash: hash.digest('hex') };
}

export const sameDigest = (a: GraphDigest, b: GraphDigest): boolean => a.triples === b.triples && a.hash === b.hash;
