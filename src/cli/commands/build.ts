/** `peacegraph build`: reports -> graph files in an output folder. */
import type { CommandModule } from 'yargs';
import { resolve } from 'node:path';
import { EXIT, UserError, type CliContext } from '../context.js';
import { buildGraph } from '../../pipeline.js';
import { writeGraph } from '../../write/outputs.js';
import { validateQuads } from '../../validate/validate.js';
import { formatReport } from '../../validate/format.js';
import { graphPrefixes } from '../../write/prefixes.js';
import { printFindings, printProblems, printSummaryQuery } from '../findings.js';
import { buildProgress } from '../progress.js';
import { normaliseBase } from '../../rdf/iri.js';
import { DEFAULT_BASE } from '../../rdf/namespaces.js';
import { BUNDLED } from '../../paths.js';

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
}

export function buildCommand(context: CliContext): CommandModule<object, BuildArgs> {
  return {
    command: 'build [inputs..]',
    describe: 'Build the graph from report files or folders and write Turtle, N-Triples, TriG and JSON-LD',
    builder: (yargs) =>
      yargs
        .positional('inputs', { type: 'string', array: true, default: [BUNDLED.reports], defaultDescription: 'data/reports/', describe: 'report files or folders' })
        .option('out', { type: 'string', default: 'out', describe: 'output folder' })
        .option('base', { type: 'string', default: DEFAULT_BASE, describe: 'base IRI for minted resources' })
        .option('strict', { type: 'boolean', default: false, describe: 'fail (write nothing) if any input is refused' })
        .option('summary', { type: 'boolean', default: false, describe: 'print what was found' })
        .option('people', { type: 'boolean', default: false, describe: 'also list people with organisations and sessions' })
        .option('quiet', { type: 'boolean', default: false, describe: 'print only errors' })
        .option('validate', { type: 'boolean', default: true, describe: 'check the graph against ontology/shapes.ttl before writing (--no-validate skips)' })
        .option('max-size', { type: 'number', default: 10, describe: 'largest accepted report, in MiB' })
        .example('$0 build', 'build the bundled example into out/')
        .example('$0 build reports/ --out site/ --base https://example.org/id/', 'build a folder under your own IRIs')
        .example('$0 build a.txt b.txt --strict', 'refuse to write anything if one report is bad') as never,
    handler: async (args) => {
      if (!Number.isFinite(args['max-size']) || args['max-size'] <= 0) {
        throw new UserError('--max-size must be a positive number of MiB');
      }
      const base = normaliseBase(args.base);
      const progress = buildProgress(!args.quiet);
      const result = await buildGraph(args.inputs, { base, maxBytes: args['max-size'] * 1024 * 1024, onReport: progress.update })
        .finally(progress.stop);
      const { io } = context;
      printProblems(io, result, args.quiet);
      if (result.failures.length > 0 && args.strict) {
        throw new UserError(`${result.failures.length} input(s) refused and --strict is set: nothing written`);
      }
      if (result.models.length === 0) {
        throw new UserError('no report could be built: nothing written');
      }
      const validation = args.validate ? await validateQuads(result.quads) : undefined;
      if (validation !== undefined && !validation.conforms) {
        io.stderr(formatReport(validation, graphPrefixes(base)));
        throw new UserError('the built graph violates the SHACL shapes (ontology/shapes.ttl): nothing written');
      }
      const outDir = resolve(args.out);
      const written = await writeGraph(outDir, result.quads, base, result.models);
      if (!args.quiet) {
        io.stderr(`peacegraph: wrote ${written.length} files to ${args.out}\n`);
      }
      if (args.summary || args.people) {
        io.stdout(`Built ${args.out}/ from ${result.models.length} report(s):\n`);
        printFindings(io, result, args.people);
        if (args.summary) await printSummaryQuery(io, resolve(outDir, 'graph.trig'));
      }
      context.exitCode = result.failures.length > 0 ? EXIT.partial : EXIT.ok;
    },
  };
}
