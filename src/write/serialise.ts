/** Text serialisations of a graph: Turtle, N-Triples, TriG, N-Quads. Input order does not matter. */
import { DataFactory, Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { sortQuads } from './order.js';

type TextFormat = 'Turtle' | 'N-Triples' | 'TriG' | 'N-Quads';

function write(quads: readonly Quad[], format: TextFormat, prefixes: Record<string, string> = {}): Promise<string> {
  const usesPrefixes = format === 'Turtle' || format === 'TriG';
  const writer = new Writer({ format, prefixes: usesPrefixes ? prefixes : {} });
  writer.addQuads([...quads]);
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}

/** The union of all named graphs as triples in the default graph, sorted and without duplicates. */
export function unionGraph(quads: Iterable<Quad>): Quad[] {
  const triples: Quad[] = [];
  for (const quad of quads) {
    triples.push(DataFactory.quad(quad.subject, quad.predicate, quad.object, DataFactory.defaultGraph()));
  }
  return sortQuads(triples);
}

export function toTurtle(quads: Iterable<Quad>, prefixes: Record<string, string>): Promise<string> {
  return write(unionGraph(quads), 'Turtle', prefixes);
}

export function toNTriples(quads: Iterable<Quad>): Promise<string> {
  return write(unionGraph(quads), 'N-Triples');
}

export function toTriG(quads: Iterable<Quad>, prefixes: Record<string, string>): Promise<string> {
  return write(sortQuads(quads), 'TriG', prefixes);
}

export function toNQuads(quads: Iterable<Quad>): Promise<string> {
  return write(sortQuads(quads), 'N-Quads');
}
