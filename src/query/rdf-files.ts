/** RDF files by extension, and the graph files to query in a build output folder. */
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

/** The aggregates a build precomputes (src/stats/statistics.ts), beside the graph files. */
export const STATISTICS_FILE = 'statistics.nt';

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

/** Formats that may hold named graphs: read as quads. */
const QUAD_FORMATS: ReadonlySet<string> = new Set(['application/trig', 'application/n-quads', 'application/ld+json']);

/**
 * What the local engine loads. The default graph is a set, each triple once (graph.nt), as users
 * expect and as Virtuoso, Jena and Comunica give it; `quads` holds each report's named graph, for
 * GRAPH patterns. With `quads` alone (a TriG or N-Quads file) the default graph is derived from it.
 * `statistics` (statistics.nt, src/stats/) joins the default graph: the aggregates precomputed by
 * the build, which the bundled aggregate queries read.
 */
export interface GraphFiles {
  readonly triples?: RdfFile;
  readonly quads?: RdfFile;
  readonly statistics?: RdfFile;
}

/** The paths of the files, for messages. */
export function graphFilePaths(files: GraphFiles): string[] {
  return [files.triples?.path, files.quads?.path, files.statistics?.path].filter((path): path is string => path !== undefined);
}

/** A graph file, or the triples and quads files of a build output folder. */
export async function resolveGraphFiles(pathOrDir: string): Promise<GraphFiles> {
  const file = await resolveGraphFile(pathOrDir);
  if (file.path === pathOrDir) return QUAD_FORMATS.has(file.format) ? { quads: file } : { triples: file };
  const present = async (name: string): Promise<RdfFile | undefined> => {
    const path = join(pathOrDir, name);
    return await stat(path).then((info) => info.isFile(), () => false) ? { path, format: rdfFormat(path) } : undefined;
  };
  const triples = await present('graph.nt') ?? await present('graph.ttl');
  const quads = await present('graph.nq') ?? await present('graph.trig');
  const statistics = await present(STATISTICS_FILE);
  return triples === undefined && quads === undefined ? { quads: file, statistics } : { triples, quads, statistics };
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
