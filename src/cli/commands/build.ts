/** `peacegraph build`: reports -> graph files in an output folder. */
import type { CommandModule } from 'yargs';
import { resolve } from 'node:path';
import { EXIT, UserError, type CliContext } from '../context.js';
import { buildGraph, type BuildProblem } from '../../pipeline.js';
import { writeGraph } from '../../write/outputs.js';
import { countFindings, formatCounts, formatPeople, listPeople } from '../../summary/counts.js';
import { normaliseBase } from '../../rdf/iri.js';
import { unionGraph } from '../../write/serialise.js';
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
  'max-size': number;
}

function describe(problems: readonly BuildProblem[], kind: string): string {
  return problems.map(({ path, problem }) => `peacegraph: ${kind}: ${path}: ${problem}\n`).join('');
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
        .option('max-size', { type: 'number', default: 10, describe: 'largest accepted report, in MiB' })
        .example('$0 build', 'build the bundled example into out/')
        .example('$0 build reports/ --out site/ --base https://example.org/id/', 'build a folder under your own IRIs')
        .example('$0 build a.txt b.txt --strict', 'refuse to write anything if one report is bad') as never,
    handler: async (args) => {
      const base = normaliseBase(args.base);
      const result = await buildGraph(args.inputs, { base, maxBytes: args['max-size'] * 1024 * 1024 });
      const { io } = context;
      if (!args.quiet) io.stderr(describe(result.warnings, 'warning'));
      io.stderr(describe(result.failures, 'error'));
      if (result.failures.length > 0 && args.strict) {
        throw new UserError(`${result.failures.length} input(s) refused and --strict is set: nothing written`);
      }
      if (result.models.length === 0) {
        throw new UserError('no report could be built: nothing written');
      }
      const outDir = resolve(args.out);
      const written = await writeGraph(outDir, result.quads, base);
      if (!args.quiet) {
        io.stderr(`peacegraph: wrote ${written.length} files to ${args.out}\n`);
      }
      if (args.summary || args.people) {
        io.stdout(`Built ${args.out}/ from ${result.models.length} report(s):\n`);
        io.stdout(`${formatCounts(countFindings(result.models, unionGraph(result.quads).length))}\n`);
      }
      if (args.people) io.stdout(`\nPeople:\n${formatPeople(listPeople(result.models))}\n`);
      context.exitCode = result.failures.length > 0 ? EXIT.partial : EXIT.ok;
    },
  };
}
