#!/usr/bin/env node
/** The peacegraph command line: a thin yargs shell over the stages in src/. */
import yargs from 'yargs';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { EXIT, UserError, defineCommand, type CliContext, type CliIo, type CommandRegistration } from './context.js';
import { explainFsError, OutputError } from '../write/output-error.js';

/**
 * Each command's module, loaded when asked for: a command pulls in its stages (the extractors, the
 * engines, the HTTP server), and loading them all took about 1 s before any command could start.
 * Loaded with require (Node loads ES modules so since 20.19): under a test runner that loads the
 * sources as CommonJS, an import() would make a second copy of every module, and an error class
 * thrown by one copy would not be an instance of the other's.
 */
const load = createRequire(import.meta.url);
const COMMANDS: Readonly<Record<string, () => CommandRegistration>> = {
  build: () => defineCommand((load('./commands/build.js') as typeof import('./commands/build.js')).buildCommand),
  stats: () => defineCommand((load('./commands/stats.js') as typeof import('./commands/stats.js')).statsCommand),
  validate: () => defineCommand((load('./commands/validate.js') as typeof import('./commands/validate.js')).validateCommand),
  docs: () => defineCommand((load('./commands/docs.js') as typeof import('./commands/docs.js')).docsCommand),
  query: () => defineCommand((load('./commands/query.js') as typeof import('./commands/query.js')).queryCommand),
  queries: () => defineCommand((load('./commands/queries.js') as typeof import('./commands/queries.js')).queriesCommand),
  serve: () => defineCommand((load('./commands/serve.js') as typeof import('./commands/serve.js')).serveCommand),
  push: () => defineCommand((load('./commands/push.js') as typeof import('./commands/push.js')).pushCommand),
  eval: () => defineCommand((load('./commands/eval.js') as typeof import('./commands/eval.js')).evalCommand),
};

/** The commands to register: the one named first, or all of them (for help, and to suggest a name for a mistyped one). */
function commandsFor(argv: readonly string[]): CommandRegistration[] {
  const first = argv[0] ?? '';
  return (Object.hasOwn(COMMANDS, first) ? [COMMANDS[first]!] : Object.values(COMMANDS)).map((register) => register());
}

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
  try {
    for (const register of commandsFor(argv)) parser = register(parser, context);
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
