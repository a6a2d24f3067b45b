/** Graph comparison for tests: rdf-ext's canonical form (RDFC-1.0), which handles blank nodes. */
import rdf from 'rdf-ext';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';

/** Triples of every graph merged into the default graph (what Turtle and N-Triples hold). */
export function union(quads: Iterable<Quad>): Quad[] {
  return [...quads].map((quad) => DataFactory.quad(quad.subject, quad.predicate, quad.object));
}

export function canonical(quads: Iterable<Quad>): string {
  return rdf.dataset([...quads]).toCanonical();
}

export function isomorphic(a: Iterable<Quad>, b: Iterable<Quad>): boolean {
  return rdf.dataset([...a]).equals(rdf.dataset([...b]));
}
