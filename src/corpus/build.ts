/**
 * A build of any number of reports straight into an output folder: reports are read, then extracted,
 * mapped, checked and rendered in worker threads (pool.ts), and their chunks streamed in order into
 * staged graph files (GraphWriter), so memory holds one batch of reports plus the resources shared
 * across reports, not the corpus. Nothing replaces the previous folder until the caller commits.
 */
import { join } from 'node:path';
import { loadInputs } from '../read/index.js';
import type { BuildProblem } from '../pipeline.js';
import { ontologyGraphQuads } from '../pipeline.js';
import { OutFolder } from '../write/out-folder.js';
import { GraphSplitter, SPLIT_FILE, splitFolderName, splitIndexName, splittingSink } from '../write/graph-split.js';
import { GraphWriter, LINE_GRAPH_FILES, packChunks } from '../write/graph-writer.js';
import { graphRenderer, stagedSink } from '../write/outputs.js';
import type { ReportDigest } from '../summary/counts.js';
import { addSeconds, type StageSeconds } from '../timing.js';
import { runReports } from './pool.js';
import { loadShapes } from '../validate/shapes.js';
import type { JobSetup } from './report-job.js';
import { statisticsOf } from '../stats/statistics.js';
import { STATISTICS_FILE } from '../query/rdf-files.js';

export interface CorpusBuildOptions extends JobSetup {
  readonly maxBytes?: number;
  /** Worker threads; 0 means one per core. Small builds run in this thread whatever is asked. */
  readonly jobs: number;
  readonly onReport?: (done: number, total: number) => void;
}

export interface CorpusBuild {
  readonly digests: readonly ReportDigest[];
  /** Inputs refused (unreadable, unknown layout, a graph that violates the shapes); the others are built. */
  readonly failures: readonly BuildProblem[];
  readonly warnings: readonly BuildProblem[];
  /** The SHACL report of each refused graph, formatted. */
  readonly violations: readonly { readonly path: string; readonly report: string }[];
  /** Built reports with at least one warning. */
  readonly builtWithWarnings: number;
  /** Distinct triples in the union graph of the facts (lines of graph.nt; the evidence is apart). */
  readonly triples: number;
  /** Seconds per stage summed over threads, and wall-clock seconds of the whole build. */
  readonly seconds: StageSeconds;
  /** Renames every staged file into the output folder; returns their paths. */
  readonly commit: () => Promise<string[]>;
  /** Removes the staged files; the output folder stays as it was. */
  readonly abort: () => Promise<void>;
}

export async function buildCorpus(inputs: readonly string[], outDir: string, options: CorpusBuildOptions): Promise<CorpusBuild> {
  const started = performance.now();
  const seconds: StageSeconds = {};
  // A missing or broken shapes file is one clear error before any work, not one per thread.
  if (options.validate) await loadShapes(options.shapesPath);
  const loaded = await loadInputs(inputs, { maxBytes: options.maxBytes });
  seconds.read = (performance.now() - started) / 1000;
  const failures: BuildProblem[] = loaded.failures.map(({ path, problem }) => ({ path, problem }));
  const warnings: BuildProblem[] = loaded.warnings.map(({ path, problem }) => ({ path, problem }));
  const digests: ReportDigest[] = [];
  const violations: Array<{ path: string; report: string }> = [];
  const warned = new Set(warnings.map(({ path }) => path));
  let builtWithWarnings = 0;
  // Locked against a concurrent build; commit also removes what the previous build wrote and this one does not.
  const staged = await OutFolder.claim(outDir, { recorded: [...LINE_GRAPH_FILES, STATISTICS_FILE, splitIndexName(SPLIT_FILE)], folders: [splitFolderName(SPLIT_FILE)] });
  warnings.push(...staged.notes.map((problem) => ({ path: outDir, problem })));
  let triples = 0;
  try {
    const renderer = await graphRenderer(options.base);
    const splitter = new GraphSplitter(SPLIT_FILE, (name, data) => staged.append(join(outDir, name), data), (name, data) => staged.write(join(outDir, name), data));
    const sink = splittingSink(stagedSink(staged, outDir), splitter);
    const writer = await GraphWriter.open(sink, renderer, { evidence: options.evidence });
    const total = loaded.documents.length;
    await runReports(loaded.documents, { base: options.base, validate: options.validate, evidence: options.evidence, shapesPath: options.shapesPath }, options.jobs, async (batch) => {
      for (const report of batch.reports) {
        if (report.kind === 'invalid') {
          // Structural breakage refuses this report alone; the corpus is built without it.
          failures.push({ path: report.path, problem: `its graph violates the SHACL shapes (${report.violations} violation(s)): refused` });
          violations.push({ path: report.path, report: report.report });
        } else if (report.kind === 'refused') {
          failures.push({ path: report.path, problem: report.problem });
        } else {
          for (const [name, content] of report.eventFiles) await staged.write(join(outDir, name), content);
          digests.push(report.digest);
          warnings.push(...report.warnings.map((problem) => ({ path: report.path, problem })));
          if (report.warnings.length > 0 || warned.has(report.path)) builtWithWarnings += 1;
          addSeconds(seconds, report.seconds);
        }
      }
      await writer.add(batch.graph);
      addSeconds(seconds, batch.seconds);
      options.onReport?.(batch.first + batch.reports.length, total);
    });
    if (digests.length > 0) await writer.add(packChunks([renderer.render(await ontologyGraphQuads(options.base))]));
    const closing = performance.now();
    triples = await writer.close();
    const splitFile = staged.recordOf(join(outDir, SPLIT_FILE));
    if (splitFile === undefined) throw new Error(`${SPLIT_FILE} is not recorded: its split cannot name it`);
    await splitter.close(splitFile);
    seconds['write shared resources'] = (performance.now() - closing) / 1000;
    const counting = performance.now();
    await staged.write(join(outDir, STATISTICS_FILE), await statisticsOf(writer.writtenFacts(), options.base));
    seconds.statistics = (performance.now() - counting) / 1000;
  } catch (error) {
    await staged.abort();
    throw error;
  }
  seconds.wall = (performance.now() - started) / 1000;
  return { digests, failures, warnings, violations, builtWithWarnings, triples, seconds, commit: () => staged.commit(), abort: () => staged.abort() };
}
