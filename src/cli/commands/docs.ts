/** `peacegraph docs`: Markdown documentation of the ontology, theme scheme and SHACL shapes. */
import type { CommandModule } from 'yargs';
import { UserError, type CliContext } from '../context.js';
import { generateOntologyMarkdown } from '../../docs/generate.js';
import { writeFileAtomic } from '../../write/atomic.js';

interface DocsArgs {
  out: string;
  stdout: boolean;
}

export function docsCommand(context: CliContext): CommandModule<object, DocsArgs> {
  return {
    command: 'docs',
    describe: 'Write Markdown documentation of the ontology: classes, properties, alignments, theme tree, shapes',
    builder: (yargs) =>
      yargs
        .option('out', { type: 'string', default: 'out/ontology.md', describe: 'Markdown file to write' })
        .option('stdout', { type: 'boolean', default: false, describe: 'print the Markdown instead of writing a file' })
        .example('$0 docs', 'write out/ontology.md')
        .example('$0 docs --stdout', 'print the documentation') as never,
    handler: async (args) => {
      let markdown: string;
      try {
        markdown = await generateOntologyMarkdown();
      } catch (error) {
        throw new UserError(`cannot document the ontology: ${(error as Error).message}`);
      }
      if (args.stdout) {
        context.io.stdout(markdown);
        return;
      }
      await writeFileAtomic(args.out, markdown);
      context.io.stderr(`peacegraph: wrote ${args.out}\n`);
    },
  };
}
