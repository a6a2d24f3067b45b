/** The SHACL shapes graph (ontology/shapes.ttl), parsed once per path. */
import { readFile } from 'node:fs/promises';
import { Parser } from 'n3';
import { factory } from '../rdf/factory.js';
import type { Quad } from '@rdfjs/types';
import { BUNDLED } from '../paths.js';

const cache = new Map<string, Promise<Quad[]>>();

async function parseShapes(path: string): Promise<Quad[]> {
  const text = await readFile(path, 'utf8');
  try {
    return new Parser({ baseIRI: `file://${path}`, factory }).parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid Turtle: ${(error as Error).message}`);
  }
}

export function loadShapes(path: string = BUNDLED.shapes): Promise<Quad[]> {
  let shapes = cache.get(path);
  if (shapes === undefined) {
    shapes = parseShapes(path);
    cache.set(path, shapes);
    shapes.catch(() => cache.delete(path));
  }
  return shapes;
}
