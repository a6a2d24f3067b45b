/** RDF files by extension, and the graph files to query in a build output folder. */
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { MANIFEST_NAME, readWrittenFiles, type WrittenFile } from '../write/manifest.js';
import { readSplit, SPLIT_FILE, splitIndexName, type GraphSplit } from '../write/graph-split.js';

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
  /**
   * How the build that made the file wrote it, from its folder's manifest, when the size still
   * agrees: a load of the whole file checks the SHA-256 as it reads, and parses it unchecked meanwhile.
   */
  readonly written?: WrittenFile;
  /**
   * The build's split of the file by predicate (write/graph-split.ts), while the file is as the
   * build wrote it: its recorded size, and not modified after the manifest was written.
   */
  readonly split?: GraphSplit;
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
  /** A build's evidence (evidence.nt, evidence.nq), loaded with the facts: the same graphs, the provenance added. */
  readonly evidence?: { readonly triples?: RdfFile; readonly quads?: RdfFile };
  /** The build has evidence files and they are not loaded: a query that reads evidence is refused, saying how to load them. */
  readonly evidenceLeftOut?: boolean;
  /** statistics.nt, the aggregates a build precomputes (src/stats/): loaded into the default graph. */
  readonly statistics?: RdfFile;
}

/**
 * What to do with a build's evidence files: load them, leave them out, or load them when the
 * build has them (a build with --no-evidence has none).
 */
export type EvidenceChoice = 'load' | 'leave' | 'load-if-built';

/** The paths of the files, for messages. */
export function graphFilePaths(files: GraphFiles): string[] {
  return [files.triples, files.quads, files.evidence?.triples, files.evidence?.quads, files.statistics]
    .flatMap((file) => (file === undefined ? [] : [file.path]));
}

/** A graph file, or the triples and quads files of a build output folder (and its evidence files, as `evidence` asks). */
export async function resolveGraphFiles(pathOrDir: string, evidence: EvidenceChoice = 'leave'): Promise<GraphFiles> {
  const file = await resolveGraphFile(pathOrDir);
  if (file.path === pathOrDir) return QUAD_FORMATS.has(file.format) ? { quads: file } : { triples: file };
  // A manifest that cannot be read vouches for nothing: every file is then checked.
  const recorded = await readWrittenFiles(pathOrDir).catch(() => new Map<string, WrittenFile>());
  const manifestTime = recorded.size > 0 ? (await stat(join(pathOrDir, MANIFEST_NAME)).catch(() => undefined))?.mtimeMs : undefined;
  const present = async (name: string): Promise<RdfFile | undefined> => {
    const path = join(pathOrDir, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile() !== true) return undefined;
    const written = recorded.get(name);
    if (written?.bytes !== info.size) return { path, format: rdfFormat(path) };
    // A file edited since the build (same size or not) is newer than the manifest: its split would be stale.
    const unchanged = name === SPLIT_FILE && manifestTime !== undefined && info.mtimeMs <= manifestTime;
    const split = unchanged ? await readSplit(pathOrDir, name, recorded.get(splitIndexName(name)), written) : undefined;
    return { path, format: rdfFormat(path), written, ...(split === undefined ? {} : { split }) };
  };
  const triples = await present('graph.nt') ?? await present('graph.ttl');
  const quads = await present('graph.nq') ?? await present('graph.trig');
  const statistics = await present(STATISTICS_FILE);
  if (triples === undefined && quads === undefined) return { quads: file, statistics };
  const evidenceFiles = { triples: await present('evidence.nt'), quads: await present('evidence.nq') ?? await present('evidence.trig') };
  const built = evidenceFiles.triples !== undefined || evidenceFiles.quads !== undefined;
  if (evidence === 'load' && !built) {
    throw new Error(`${pathOrDir}: no evidence files (evidence.nt, evidence.nq): it was built with --no-evidence; build again without it to query the evidence`);
  }
  if (evidence === 'leave' || !built) return { triples, quads, statistics, evidenceLeftOut: built };
  return { triples, quads, statistics, evidence: evidenceFiles };
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
