/**
 * Writes the built graph to an output folder: graph.ttl, graph.nt, graph.trig and graph.jsonld,
 * plus event-<slug>.jsonld/.html (schema.org for search engines) per report, all staged first and
 * renamed together, so a failed build leaves the previous folder intact.
 */
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { writeFilesAtomic } from './atomic.js';
import { loadContext, toJsonLd } from './jsonld.js';
import { graphPrefixes } from './prefixes.js';
import { toNTriples, toTriG, toTurtle } from './serialise.js';
import { BUNDLED } from '../paths.js';
import type { ReportModel } from '../model/types.js';
import { renderEventFiles } from '../publish/event-files.js';

export const GRAPH_FILES = ['graph.ttl', 'graph.nt', 'graph.trig', 'graph.jsonld'] as const;

export async function renderGraphFiles(quads: readonly Quad[], base: string): Promise<Map<string, string>> {
  const prefixes = graphPrefixes(base);
  const [turtle, ntriples, trig, jsonLd] = await Promise.all([
    toTurtle(quads, prefixes),
    toNTriples(quads),
    toTriG(quads, prefixes),
    loadContext(BUNDLED.context).then((context) => toJsonLd(quads, context)),
  ]);
  return new Map([
    ['graph.ttl', turtle],
    ['graph.nt', ntriples],
    ['graph.trig', trig],
    ['graph.jsonld', jsonLd],
  ]);
}

export async function writeGraph(outDir: string, quads: readonly Quad[], base: string, models: readonly ReportModel[] = []): Promise<string[]> {
  const rendered = new Map([...(await renderGraphFiles(quads, base)), ...renderEventFiles(models, base)]);
  const files = new Map([...rendered].map(([name, content]) => [join(outDir, name), content]));
  await writeFilesAtomic(files);
  return [...files.keys()];
}
