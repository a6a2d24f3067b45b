/**
 * Writes a graph held in memory to an output folder: graph.ttl, graph.nt, graph.trig, graph.nq and
 * graph.jsonld, plus event-<slug>.jsonld/.html (schema.org for search engines) per report and the
 * statistics graph (statistics.nt, src/stats/), all staged first and renamed together, so a failed
 * write leaves the previous folder intact. Corpus builds stream through the same GraphWriter
 * (src/corpus/build.ts).
 */
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { StagedFiles } from './atomic.js';
import { ChunkRenderer } from './chunks.js';
import { GRAPH_FILES, GraphWriter, packChunks, type GraphFileName, type GraphSink } from './graph-writer.js';
import { loadContext } from '../rdf-io/jsonld.js';
import { BUNDLED } from '../paths.js';
import type { ReportModel } from '../model/types.js';
import { renderEventFiles } from '../publish/event-files.js';
import { factsOf, statisticsOf } from '../stats/statistics.js';
import { STATISTICS_FILE } from '../query/rdf-files.js';
import { toNTriples } from '../rdf-io/serialise.js';

export { GRAPH_FILES } from './graph-writer.js';

export async function graphRenderer(base: string): Promise<ChunkRenderer> {
  return new ChunkRenderer(base, await loadContext(BUNDLED.context));
}

/** Quads grouped by named graph, graphs in IRI order: the same graph always streams the same way. */
function byGraph(quads: readonly Quad[]): Quad[][] {
  const graphs = new Map<string, Quad[]>();
  for (const quad of quads) {
    const key = `${quad.graph.termType}:${quad.graph.value}`;
    const graph = graphs.get(key);
    if (graph === undefined) graphs.set(key, [quad]);
    else graph.push(quad);
  }
  return [...graphs.keys()].sort().map((key) => graphs.get(key)!);
}

async function streamGraph(quads: readonly Quad[], base: string, sink: GraphSink): Promise<void> {
  const renderer = await graphRenderer(base);
  const writer = await GraphWriter.open(sink, renderer);
  for (const graph of byGraph(quads)) await writer.add(packChunks([renderer.render(graph)]));
  await writer.close();
}

/** A sink that keeps the files in memory. */
export function memorySink(): GraphSink & { readonly files: () => Map<GraphFileName, string> } {
  const parts = new Map<GraphFileName, Buffer[]>(GRAPH_FILES.map((name) => [name, []]));
  const bytesOf = (file: GraphFileName): Buffer => Buffer.concat(parts.get(file)!);
  return {
    append: async (file, data) => {
      parts.get(file)!.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));
    },
    read: async (file, offset, length) => bytesOf(file).subarray(offset, offset + length),
    files: () => new Map(GRAPH_FILES.map((name) => [name, bytesOf(name).toString('utf8')])),
  };
}

export async function renderGraphFiles(quads: readonly Quad[], base: string): Promise<Map<string, string>> {
  const sink = memorySink();
  await streamGraph(quads, base, sink);
  return sink.files();
}

export async function writeGraph(outDir: string, quads: readonly Quad[], base: string, models: readonly ReportModel[] = []): Promise<string[]> {
  const staged = new StagedFiles();
  try {
    await streamGraph(quads, base, stagedSink(staged, outDir));
    await staged.write(join(outDir, STATISTICS_FILE), await statisticsOf(factsOf(toNTriples(quads)), base));
    for (const [name, content] of renderEventFiles(models, base)) await staged.write(join(outDir, name), content);
  } catch (error) {
    await staged.abort();
    throw error;
  }
  return staged.commit();
}

/** Graph files staged in `outDir`. */
export function stagedSink(staged: StagedFiles, outDir: string): GraphSink {
  return {
    append: (file, data) => staged.append(join(outDir, file), data),
    read: (file, offset, length) => staged.read(join(outDir, file), offset, length),
  };
}
