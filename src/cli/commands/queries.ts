/** `peacegraph queries`: the bundled queries, with what they answer and their parameters. */
import type { CommandModule } from 'yargs';
import type { CliContext } from '../context.js';
import { BUNDLED } from '../../paths.js';
import { listBundledQueries } from '../../query/bundled.js';

export function queriesCommand(context: CliContext): CommandModule<object, object> {
  return {
    command: 'queries',
    describe: 'List the bundled queries (queries/*.rq) with their parameters',
    builder: (yargs) => yargs.example('$0 queries', 'what can be asked out of the box') as never,
    handler: async () => {
      const queries = await listBundledQueries(BUNDLED.queries);
      const width = Math.max(...queries.map((query) => query.name.length));
      const lines = queries.map((query) => {
        const parameters = [...query.parameters].map(([name, { kind, language, required }]) =>
          `--param ${name}=<${kind}${language ? `@${language}` : ''}>${required ? ' (required)' : ''}`).join(' ');
        return `${query.name.padEnd(width)}  ${query.title}${parameters ? `  [${parameters}]` : ''}\n${' '.repeat(width + 2)}${query.description}`;
      });
      context.io.stdout(`${lines.join('\n')}\n`);
    },
  };
}
