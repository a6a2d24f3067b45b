/**
 * The build, stage by stage: read and segment -> extract a typed model -> map to RDF. Writing is
 * separate (writeGraph, or the streaming corpus build in src/corpus/) so callers can validate
 * first. A bad report is reported and skipped; the good ones are still built.
 */
import { withEventPageWarning } from './publish/event-files.js';
import { readFile } from 'node:fs/promises';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { ReportModel } from './model/types.js';
import { loadInputs } from './read/index.js';
import type { SourceDocument } from './model/types.js';
import { loadKnowledge, type Knowledge } from './extract/knowledge.js';
import { extractReport } from './extract/report.js';
import { mapReport } from './rdf/map.js';
import { createMinter } from './rdf/iri.js';
import { factory } from './rdf/factory.js';
import { DEFAULT_BASE } from './rdf/namespaces.js';
import { BUNDLED, PROJECT_ROOT } from './paths.js';
import { timed, type StageSeconds } from './timing.js';

export interface BuildProblem {
  readonly path: string;
  readonly problem: string;
}

export interface BuildOptions {
  readonly base?: string;
  readonly maxBytes?: number;
  /** Called after each report is extracted and mapped (progress display). */
  readonly onReport?: (done: number, total: number) => void;
}

export interface BuildResult {
  readonly models: readonly ReportModel[];
  /** Every quad, in the named graph of its report or the ontology graph. */
  readonly quads: readonly Quad[];
  readonly failures: readonly BuildProblem[];
  readonly warnings: readonly BuildProblem[];
}

/** The theme scheme goes into its own named graph: shared by all reports, replaced with the ontology. */
export async function ontologyGraphQuads(base: string): Promise<Quad[]> {
  const graph = createMinter(factory, base)('graph', 'ontology');
  const parsed = new Parser({ baseIRI: BUNDLED.themes, factory }).parse(await readFile(BUNDLED.themes, 'utf8'));
  return parsed.map((quad) => factory.quad(quad.subject, quad.predicate, quad.object, graph));
}

/** A report that yields neither a session nor a person is not in a layout peacegraph knows. */
function layoutProblem(model: ReportModel): string | undefined {
  if (model.people.length === 0 && model.event.sessions.length === 0) {
    return 'unknown layout: no session report and no person found (is this an observatory event report?)';
  }
  return undefined;
}

export type ReportBuild =
  | { readonly model: ReportModel; readonly quads: Quad[]; readonly problem?: undefined }
  | { readonly problem: string };

/** One report through extract and map; a report peacegraph cannot read comes back as a problem. */
export function buildReport(
  document: SourceDocument, knowledge: Knowledge, options: { base: string; evidence: boolean }, seconds: StageSeconds = {},
): ReportBuild {
  try {
    const model = withEventPageWarning(timed(seconds, 'extract', () => extractReport(document, knowledge)), options.base);
    const problem = layoutProblem(model);
    if (problem !== undefined) return { problem };
    return { model, quads: timed(seconds, 'map', () => mapReport(model, { factory, ...options })) };
  } catch (error) {
    return { problem: `extraction failed: ${(error as Error).message}` };
  }
}

export async function buildGraph(inputs: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  const base = options.base ?? DEFAULT_BASE;
  const loaded = await loadInputs(inputs, { maxBytes: options.maxBytes });
  const failures: BuildProblem[] = loaded.failures.map(({ path, problem }) => ({ path, problem }));
  const warnings: BuildProblem[] = loaded.warnings.map(({ path, problem }) => ({ path, problem }));
  const knowledge = await loadKnowledge(PROJECT_ROOT);
  const models: ReportModel[] = [];
  const quads: Quad[] = [];
  loaded.documents.forEach((document, index) => {
    const built = buildReport(document, knowledge, { base, evidence: true });
    if (built.problem !== undefined) {
      failures.push({ path: document.path, problem: built.problem });
    } else {
      models.push(built.model);
      quads.push(...built.quads);
      warnings.push(...built.model.warnings.map((problem) => ({ path: document.path, problem })));
    }
    options.onReport?.(index + 1, loaded.documents.length);
  });
  if (models.length > 0) quads.push(...(await ontologyGraphQuads(base)));
  return { models, quads, failures, warnings };
}
