/** `peacegraph stats`: what extraction finds in reports, without writing anything, to eyeball it. */
import type { CommandModule } from 'yargs';
import { EXIT, UserError, type CliContext } from '../context.js';
import { buildGraph } from '../../pipeline.js';
import { printFindings, printProblems } from '../findings.js';
import { BUNDLED } from '../../paths.js';
import { digestReport } from '../../summary/counts.js';
import { unionGraph } from '../../rdf-io/serialise.js';

interface StatsArgs {
  inputs: string[];
}

export function statsCommand(context: CliContext): CommandModule<object, StatsArgs> {
  return {
    command: 'stats [inputs..]',
    describe: 'List what extraction finds: counts, and people with their organisations and sessions',
    builder: (yargs) =>
      yargs
        .positional('inputs', { type: 'string', array: true, default: [BUNDLED.reports], defaultDescription: 'data/reports/', describe: 'report files or folders' })
        .example('$0 stats', 'people found in the bundled report')
        .example('$0 stats data/reports/', 'people found in a folder of reports') as never,
    handler: async (args) => {
      const result = await buildGraph(args.inputs);
      printProblems(context.io, result, false);
      if (result.models.length === 0) throw new UserError('no report could be read');
      printFindings(context.io, result.models.map(digestReport), unionGraph(result.quads).length, true);
      context.exitCode = result.failures.length > 0 ? EXIT.partial : EXIT.ok;
    },
  };
}
