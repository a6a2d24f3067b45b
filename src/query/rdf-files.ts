/** RDF files by extension, and the graph file to query in a build output folder. */
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const FORMATS: Readonly<Record<string, string>> = {
  '.trig': 'application/trig',
  '.nq': 'application/n-quads',
  '.nt': 'application/n-triples',
  '.ttl': 'text/turtle',
  '.jsonld': 'application/ld+json',
  '.rdf': 'application/rdf+xml',
  '.owl': 'application/rdf+xml',
};

/** Preferred first: TriG keeps the named graph of each report. */
const OUTPUT_FILES = ['graph.trig', 'graph.nq', 'graph.nt', 'graph.ttl', 'graph.jsonld'];

export function rdfFormat(path: string): string {
  const format = FORMATS[extname(path).toLowerCase()];
  if (format === undefined) {
    throw new Error(`${path}: unknown RDF file type (expected ${Object.keys(FORMATS).join(', ')})`);
  }
  return format;
}

export interface RdfFile {
  readonly path: string;
  readonly format: string;
}

/** A graph file, or the graph file of a build output folder. */
export async function resolveGraphFile(pathOrDir: string): Promise<RdfFile> {
  let info;
  try {
    info = await stat(pathOrDir);
  } catch {
    throw new Error(`${pathOrDir}: no such file or folder (build the graph first: peacegraph build --out ${pathOrDir})`);
  }
  if (info.isFile()) return { path: pathOrDir, format: rdfFormat(pathOrDir) };
  for (const name of OUTPUT_FILES) {
    const path = join(pathOrDir, name);
    if (await stat(path).then((file) => file.isFile(), () => false)) return { path, format: rdfFormat(path) };
  }
  throw new Error(`${pathOrDir}: no graph file in this folder (expected one of ${OUTPUT_FILES.join(', ')}; run peacegraph build)`);
}
