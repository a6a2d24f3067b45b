#!/usr/bin/env node
/** The peacegraph command line: a thin yargs shell over the stages in src/. */
import yargs from 'yargs';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT, UserError, defineCommand, type CliContext, type CliIo, type CommandRegistration } from './context.js';
import { buildCommand } from './commands/build.js';
import { statsCommand } from './commands/stats.js';
import { validateCommand } from './commands/validate.js';
import { docsCommand } from './commands/docs.js';
import { queryCommand } from './commands/query.js';
import { queriesCommand } from './commands/queries.js';
import { serveCommand } from './commands/serve.js';
import { pushCommand } from './commands/push.js';
import { evalCommand } from './commands/eval.js';
import { explainFsError, OutputError } from '../write/output-error.js';

const COMMANDS: readonly CommandRegistration[] = [
  defineCommand(buildCommand), defineCommand(statsCommand), defineCommand(validateCommand), defineCommand(docsCommand),
  defineCommand(queryCommand), defineCommand(queriesCommand), defineCommand(serveCommand), defineCommand(pushCommand),
  defineCommand(evalCommand),
];

/** Runs the CLI with the given arguments; resolves to the exit code instead of exiting. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const context: CliContext = { io, exitCode: EXIT.ok };
  let parser = yargs()
    .scriptName('peacegraph')
    .usage('$0 <command> [options]\n\nBuild a knowledge graph from observatory event reports, validate it and query it with SPARQL.')
    .strict()
    .demandCommand(1, 'Name a command: build, query, ... (see --help)')
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version()
    // No wrapping: a wrapped URL or example cannot be pasted; the terminal folds long lines itself.
    .wrap(null)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UserError(message);
    });
  for (const register of COMMANDS) parser = register(parser, context);
  try {
    await parser.parseAsync([...argv], {}, (_error, _argv, output) => {
      if (output) io.stdout(output.endsWith('\n') ? output : `${output}\n`);
    });
  } catch (caught) {
    // A file-system failure names the path and the problem, never a temporary file or a bare errno.
    const error = explainFsError(caught);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`peacegraph: error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    if (!(error instanceof UserError) && !(error instanceof OutputError) && process.env.PEACEGRAPH_DEBUG) {
      io.stderr(`${(caught as Error).stack ?? ''}\n`);
    }
    return error instanceof UserError ? error.exitCode : EXIT.failure;
  }
  return context.exitCode;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
};

function isMainModule(): boolean {
  const invoked = process.argv[1];
  if (invoked === undefined) return false;
  try {
    return realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  void runCli(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
