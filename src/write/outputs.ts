/**
 * Writes a graph held in memory to an output folder: graph.ttl, graph.nt, graph.trig, graph.nq and
 * graph.jsonld, plus event-<slug>.jsonld/.html (schema.org for search engines) per report, all
 * staged first and renamed together, so a failed write leaves the previous folder intact. Corpus
 * builds stream through the same GraphWriter (src/corpus/build.ts).
 */
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { StagedFiles } from './atomic.js';
import { ChunkRenderer } from './chunks.js';
import { GRAPH_FILES, GraphWriter, packChunks, type AppendText } from './graph-writer.js';
import { loadContext } from './jsonld.js';
import { BUNDLED } from '../paths.js';
import type { ReportModel } from '../model/types.js';
import { renderEventFiles } from '../publish/event-files.js';

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

async function streamGraph(quads: readonly Quad[], base: string, append: AppendText): Promise<void> {
  const renderer = await graphRenderer(base);
  const writer = await GraphWriter.open(append, renderer);
  for (const graph of byGraph(quads)) await writer.add(packChunks([renderer.render(graph)]));
  await writer.close();
}

export async function renderGraphFiles(quads: readonly Quad[], base: string): Promise<Map<string, string>> {
  const parts = new Map<string, Array<string | Uint8Array>>(GRAPH_FILES.map((name) => [name, []]));
  await streamGraph(quads, base, async (file, text) => {
    parts.get(file)!.push(text);
  });
  const decoder = new TextDecoder();
  return new Map([...parts].map(([name, texts]) => [name, texts.map((text) => (typeof text === 'string' ? text : decoder.decode(text))).join('')]));
}

export async function writeGraph(outDir: string, quads: readonly Quad[], base: string, models: readonly ReportModel[] = []): Promise<string[]> {
  const staged = new StagedFiles();
  try {
    await streamGraph(quads, base, (file, text) => staged.append(join(outDir, file), text));
    for (const [name, content] of renderEventFiles(models, base)) await staged.write(join(outDir, name), content);
  } catch (error) {
    await staged.abort();
    throw error;
  }
  return staged.commit();
}
