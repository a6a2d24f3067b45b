/** `peacegraph build`: reports -> graph files in an output folder. */
import type { CommandModule } from 'yargs';
import { relative, resolve, sep } from 'node:path';
import { EXIT, UserError, type CliContext } from '../context.js';
import { buildCorpus } from '../../corpus/build.js';
import { closingLine, printFindings, printProblems, printSummaryQuery } from '../findings.js';
import { buildProgress } from '../progress.js';
import { normaliseBase } from '../../rdf/iri.js';
import { BUILD_DEFAULTS } from '../../corpus/defaults.js';
import { BUNDLED } from '../../paths.js';
import { SPLIT_FOLDER } from '../../write/graph-split.js';

interface BuildArgs {
  inputs: string[];
  out: string;
  base: string;
  strict: boolean;
  summary: boolean;
  people: boolean;
  quiet: boolean;
  validate: boolean;
  'max-size': number;
  jobs: number;
  evidence: boolean;
  shapes: string;
}

export function buildCommand(context: CliContext): CommandModule<object, BuildArgs> {
  return {
    command: 'build [inputs..]',
    describe: 'Build the graph from report files or folders and write its facts (Turtle, N-Triples, TriG, N-Quads, JSON-LD) and their evidence (evidence.nt, .trig, .nq)',
    builder: (yargs) =>
      yargs
        .positional('inputs', { type: 'string', array: true, default: [BUNDLED.reports], defaultDescription: 'data/reports/', describe: 'report files or folders' })
        .option('out', { type: 'string', default: 'out', describe: 'output folder' })
        .option('base', { type: 'string', default: BUILD_DEFAULTS.base, describe: 'base IRI for minted resources' })
        .option('strict', { type: 'boolean', default: false, describe: 'fail (write nothing) if any input is refused' })
        .option('summary', { type: 'boolean', default: false, describe: 'print what was found' })
        .option('people', { type: 'boolean', default: false, describe: 'also list people with organisations and sessions' })
        .option('quiet', { type: 'boolean', default: false, describe: 'print only errors' })
        .option('validate', { type: 'boolean', default: BUILD_DEFAULTS.validate, describe: 'check the graph against ontology/shapes.ttl before writing (--no-validate skips)' })
        .option('max-size', { type: 'number', default: BUILD_DEFAULTS.maxSizeMiB, describe: 'largest accepted report, in MiB' })
        .option('shapes', { type: 'string', default: BUILD_DEFAULTS.shapesPath, defaultDescription: 'ontology/shapes.ttl', describe: 'SHACL shapes every report\'s graph must meet' })
        .option('evidence', { type: 'boolean', default: BUILD_DEFAULTS.evidence, describe: 'write the text span behind every fact to evidence.nt, evidence.trig and evidence.nq, apart from the facts (--no-evidence: facts only)' })
        .option('jobs', { type: 'number', default: BUILD_DEFAULTS.jobs, describe: 'worker threads (0: one per core from 200 reports, where they pay for their start)' })
        .example('$0 build', 'build the bundled example into out/')
        .example('$0 build data/reports/ --out site/ --base https://example.org/id/', 'build a folder under your own IRIs')
        .example('$0 build data/reports/geneva-peace-week-2017.txt --out strict/ --strict', 'refuse to write anything if one report is bad') as never,
    handler: async (args) => {
      if (!Number.isFinite(args['max-size']) || args['max-size'] <= 0) {
        throw new UserError('--max-size must be a positive number of MiB');
      }
      if (!Number.isInteger(args.jobs) || args.jobs < 0) throw new UserError('--jobs must be a whole number of threads (0: one per core)');
      const base = normaliseBase(args.base);
      const outDir = resolve(args.out);
      const progress = buildProgress(!args.quiet);
      const { io } = context;
      const result = await buildCorpus(args.inputs, outDir, {
        base, maxBytes: args['max-size'] * 1024 * 1024, validate: args.validate, evidence: args.evidence, shapesPath: args.shapes, jobs: args.jobs, onReport: progress.update,
      }).finally(progress.stop);
      for (const { report } of result.violations) io.stderr(report);
      printProblems(io, result, args.quiet);
      // The closing line is always the last before any error; --quiet keeps it only when something was refused.
      const closing = (): void => {
        if (!args.quiet || result.failures.length > 0) io.stderr(`peacegraph: ${closingLine(result)}\n`);
      };
      if (result.failures.length > 0 && args.strict) {
        await result.abort();
        closing();
        throw new UserError(`${result.failures.length} input(s) refused and --strict is set: nothing written`);
      }
      if (result.digests.length === 0) {
        await result.abort();
        closing();
        throw new UserError('no report could be built: nothing written');
      }
      const written = await result.commit();
      if (!args.quiet) {
        // The split of graph.nt is bookkeeping for queries: counted apart, so the count names what a user reads.
        const split = written.filter((path) => relative(args.out, path).startsWith(`${SPLIT_FOLDER}${sep}`)).length;
        io.stderr(`peacegraph: wrote ${written.length - split} files to ${args.out}${split > 0 ? ` (and graph.nt split by predicate into ${split} files, for queries)` : ''}\n`);
      }
      if (args.summary || args.people) {
        io.stdout(`Built ${args.out}/ from ${result.digests.length} report(s):\n`);
        printFindings(io, result.digests, result.triples, args.people);
        if (args.summary) await printSummaryQuery(io, outDir, result.triples, args.out);
      }
      closing();
      context.exitCode = result.failures.length > 0 ? EXIT.partial : EXIT.ok;
    },
  };
}
