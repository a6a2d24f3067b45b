/**
 * Writes a graph held in memory to an output folder: the facts in graph.ttl, graph.nt, graph.trig,
 * graph.nq and graph.jsonld, their evidence in evidence.nt, evidence.trig and evidence.nq, plus
 * event-<slug>.jsonld/.html (schema.org for search engines) per report and the statistics graph
 * (statistics.nt, src/stats/), all staged first and renamed together, so a failed write leaves the
 * previous folder intact. Corpus builds stream through the same GraphWriter (src/corpus/build.ts).
 */
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { StagedFiles } from './atomic.js';
import { ChunkRenderer } from './chunks.js';
import { ALL_GRAPH_FILES, GraphWriter, packChunks, type GraphFileName, type GraphSink } from './graph-writer.js';
import { loadContext } from '../rdf-io/jsonld.js';
import { BUNDLED } from '../paths.js';
import type { ReportModel } from '../model/types.js';
import { renderEventFiles } from '../publish/event-files.js';
import { statisticsOf } from '../stats/statistics.js';
import { STATISTICS_FILE } from '../query/rdf-files.js';

export { EVIDENCE_FILES, GRAPH_FILES } from './graph-writer.js';

export interface GraphFileOptions {
  /** Write the evidence files (default true). */
  readonly evidence?: boolean;
}

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

/** Streams the graph files; the writer, to read back what it wrote. */
async function streamGraph(quads: readonly Quad[], base: string, sink: GraphSink, options: GraphFileOptions): Promise<GraphWriter> {
  const renderer = await graphRenderer(base);
  const writer = await GraphWriter.open(sink, renderer, { evidence: options.evidence ?? true });
  for (const graph of byGraph(quads)) await writer.add(packChunks([renderer.render(graph)]));
  await writer.close();
  return writer;
}

/** A sink that keeps the files in memory: those appended to, in the usual order. */
export function memorySink(): GraphSink & { readonly files: () => Map<GraphFileName, string> } {
  const parts = new Map<GraphFileName, Buffer[]>();
  const bytesOf = (file: GraphFileName): Buffer => Buffer.concat(parts.get(file) ?? []);
  return {
    append: async (file, data) => {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
      const list = parts.get(file);
      if (list === undefined) parts.set(file, [bytes]);
      else list.push(bytes);
    },
    read: async (file, offset, length) => bytesOf(file).subarray(offset, offset + length),
    files: () => new Map(ALL_GRAPH_FILES.filter((name) => parts.has(name)).map((name) => [name, bytesOf(name).toString('utf8')])),
  };
}

export async function renderGraphFiles(quads: readonly Quad[], base: string, options: GraphFileOptions = {}): Promise<Map<string, string>> {
  const sink = memorySink();
  await streamGraph(quads, base, sink, options);
  return sink.files();
}

export async function writeGraph(
  outDir: string, quads: readonly Quad[], base: string, models: readonly ReportModel[] = [], options: GraphFileOptions = {},
): Promise<string[]> {
  const staged = new StagedFiles();
  try {
    // The statistics count graph.nt as written, as a corpus build does, rather than serialising the quads again.
    const writer = await streamGraph(quads, base, stagedSink(staged, outDir), options);
    await staged.write(join(outDir, STATISTICS_FILE), await statisticsOf(writer.writtenFacts(), base));
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
