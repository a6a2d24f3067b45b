/** RDF/XML read by an independent parser (rdfxml-streaming-parser), to check what we write. */
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type { Quad } from '@rdfjs/types';

export function parseRdfXml(text: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    new RdfXmlParser().on('data', (quad: Quad) => quads.push(quad)).on('error', reject).on('end', () => resolve(quads)).end(text);
  });
}
