/** `peacegraph eval`: build each page alone and score it against hand-made gold files. */
import type { CommandModule } from 'yargs';
import { UserError, type CliContext } from '../context.js';
import { buildProgress } from '../progress.js';
import { InputError } from '../../read/problems.js';
import { runEval } from '../../eval/run.js';
import { formatJson, formatText } from '../../eval/format.js';

interface EvalArgs {
  inputs: string[];
  gold: string;
  format: 'text' | 'json';
  verbose: boolean;
}

export function evalCommand(context: CliContext): CommandModule<object, EvalArgs> {
  return {
    command: 'eval [inputs..]',
    describe: 'Build each page alone (default build options) and score people, person-organisation pairs, moderators and start dates against gold files',
    builder: (yargs) =>
      yargs
        .positional('inputs', { type: 'string', array: true, default: [], defaultDescription: 'the gold folder\'s *.txt', describe: 'pages or folders of pages; each needs GOLD/<name>.json' })
        .option('gold', { type: 'string', demandOption: true, describe: 'folder of gold files (format: test/fixtures/devset/GOLD-FORMAT.md)' })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' })
        .option('verbose', { type: 'boolean', default: false, describe: 'list the people, pairs and moderators missed or extra on each page' })
        .example('$0 eval --gold test/fixtures/devset', 'score the development set')
        .example('$0 eval --gold test/fixtures/devset test/fixtures/devset/03-unctad-eweek-2022-data-flows-dialogue.txt --verbose', 'score one page, with what was missed (your own: --gold YOUR_GOLD_DIR YOUR_PAGE.txt)') as never,
    handler: async (args) => {
      const progress = buildProgress(true);
      try {
        const report = await runEval({ goldDir: args.gold, inputs: args.inputs, onPage: progress.update }).finally(progress.stop);
        context.io.stdout(args.format === 'json' ? formatJson(report) : formatText(report, args.verbose));
      } catch (error) {
        if (error instanceof InputError) throw new UserError(error.message);
        throw error;
      }
    },
  };
}
