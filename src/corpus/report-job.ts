/**
 * Everything a corpus build does to one report, in whichever thread runs it: extract, map, check
 * against the shapes, render its chunk of the graph files and its event pages, and reduce it to a
 * digest for the summary. The output is plain data, cheap to post from a worker thread.
 */
import type { Quad } from '@rdfjs/types';
import type { SourceDocument } from '../model/types.js';
import { buildReport, ontologyGraphQuads } from '../pipeline.js';
import { loadKnowledge, type Knowledge } from '../extract/knowledge.js';
import { PROJECT_ROOT } from '../paths.js';
import type { ChunkRenderer, GraphChunk } from '../write/chunks.js';
import { graphRenderer } from '../write/outputs.js';
import { packChunks, type PackedChunks } from '../write/graph-writer.js';
import { graphPrefixes } from '../rdf-io/prefixes.js';
import { renderEventFiles } from '../publish/event-files.js';
import { validateQuads, type ValidationReport } from '../validate/validate.js';
import { formatReport } from '../validate/format.js';
import type { ReportModel } from '../model/types.js';
import { digestReport, type ReportDigest } from '../summary/counts.js';
import { timed, type StageSeconds } from '../timing.js';

export interface JobSetup {
  readonly base: string;
  readonly validate: boolean;
  /** false: no evidence annotations (see MapOptions.evidence), so no evidence files. */
  readonly evidence: boolean;
  /** SHACL shapes to check each report's graph against; ontology/shapes.ttl when absent. */
  readonly shapesPath?: string;
}

export type ReportOutput =
  | {
    readonly kind: 'built';
    readonly path: string;
    readonly eventFiles: ReadonlyArray<readonly [string, string]>;
    readonly digest: ReportDigest;
    /** What extraction dropped and what the report lacks (the shapes' warnings): the graph is written all the same. */
    readonly warnings: readonly string[];
    readonly seconds: StageSeconds;
  }
  | { readonly kind: 'refused'; readonly path: string; readonly problem: string }
  /** The report's graph violates the shapes (structural breakage): this report is refused, with the SHACL report, formatted. */
  | { readonly kind: 'invalid'; readonly path: string; readonly violations: number; readonly report: string };

export interface BatchResult {
  /** Index of the batch's first report among all documents. */
  readonly first: number;
  readonly reports: readonly ReportOutput[];
  readonly graph: PackedChunks;
  readonly seconds: StageSeconds;
}

/** What a report lacks, in words: the shapes' warnings, and a title the event could not take its name from. */
function missingFacts(model: ReportModel, validation: ValidationReport | undefined): string[] {
  const missing = model.event.nameEvidence === undefined ? ['no title found: the event is named after the file'] : [];
  const warnings = validation?.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.message) ?? [];
  return [...missing, ...new Set(warnings)];
}

export class ReportJob {
  private constructor(
    private readonly setup: JobSetup,
    private readonly knowledge: Knowledge,
    private readonly renderer: ChunkRenderer,
    private readonly ontology: readonly Quad[],
  ) {}

  static async create(setup: JobSetup): Promise<ReportJob> {
    return new ReportJob(setup, await loadKnowledge(PROJECT_ROOT), await graphRenderer(setup.base), await ontologyGraphQuads(setup.base));
  }

  /** Consecutive reports; their graph chunks come packed together, ready to transfer and append. */
  async runBatch(documents: readonly SourceDocument[], first: number): Promise<BatchResult> {
    const reports: ReportOutput[] = [];
    const chunks: GraphChunk[] = [];
    for (const document of documents) {
      const { output, chunk } = await this.run(document);
      reports.push(output);
      if (chunk !== undefined) chunks.push(chunk);
    }
    const seconds: StageSeconds = {};
    const graph = timed(seconds, 'pack', () => packChunks(chunks));
    return { first, reports, graph, seconds };
  }

  private async run(document: SourceDocument): Promise<{ output: ReportOutput; chunk?: GraphChunk }> {
    const seconds: StageSeconds = {};
    const built = buildReport(document, this.knowledge, this.setup, seconds);
    if (built.problem !== undefined) return { output: { kind: 'refused', path: document.path, problem: built.problem } };
    let validation: ValidationReport | undefined;
    if (this.setup.validate) {
      const started = performance.now();
      // The theme scheme is in the ontology graph; shapes check that theme links point at concepts.
      validation = await validateQuads([...built.quads, ...this.ontology], this.setup.shapesPath, { evidence: this.setup.evidence });
      seconds.validate = (performance.now() - started) / 1000;
      if (!validation.conforms) {
        return { output: { kind: 'invalid', path: document.path, violations: validation.violations, report: formatReport(validation, graphPrefixes(this.setup.base)) } };
      }
    }
    const chunk = this.renderer.render(built.quads, seconds);
    const eventFiles = timed(seconds, 'event pages', () => [...renderEventFiles([built.model], this.setup.base)]);
    return { output: { kind: 'built', path: document.path, eventFiles, digest: digestReport(built.model), warnings: [...built.model.warnings, ...missingFacts(built.model, validation)], seconds }, chunk };
  }
}
