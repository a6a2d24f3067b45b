/** Text serialisations of a graph: Turtle, N-Triples, TriG, N-Quads. Input order does not matter. */
import type { Quad } from '@rdfjs/types';
import { factory } from '../rdf/factory.js';
import { sortQuads } from './order.js';
import { lineText, TermEncoder, turtleDocument } from './syntax.js';

/** The union of all named graphs as triples in the default graph, sorted and without duplicates. */
export function unionGraph(quads: Iterable<Quad>): Quad[] {
  const triples: Quad[] = [];
  for (const quad of quads) {
    triples.push(factory.quad(quad.subject, quad.predicate, quad.object, factory.defaultGraph()));
  }
  return sortQuads(triples);
}

export function toTurtle(quads: Iterable<Quad>, prefixes: Record<string, string>): string {
  return turtleDocument(unionGraph(quads), prefixes, false);
}

export function toNTriples(quads: Iterable<Quad>): string {
  return lineText(unionGraph(quads), new TermEncoder(), false);
}

export function toTriG(quads: Iterable<Quad>, prefixes: Record<string, string>): string {
  return turtleDocument(sortQuads(quads), prefixes, true);
}

export function toNQuads(quads: Iterable<Quad>): string {
  return lineText(sortQuads(quads), new TermEncoder(), true);
}
