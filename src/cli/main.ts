#!/usr/bin/env node
/** The peacegraph command line: a thin yargs shell over the stages in src/. */
import yargs from 'yargs';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT, UserError, defineCommand, type CliContext, type CliIo, type CommandRegistration } from './context.js';
import { explainFsError, OutputError } from '../write/output-error.js';

/**
 * Each command's module, loaded when asked for: a command pulls in its stages (the extractors, the
 * engines, the HTTP server), and loading them all took about 1 s before any command could start.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CommandRegistration>>> = {
  build: async () => defineCommand((await import('./commands/build.js')).buildCommand),
  stats: async () => defineCommand((await import('./commands/stats.js')).statsCommand),
  validate: async () => defineCommand((await import('./commands/validate.js')).validateCommand),
  docs: async () => defineCommand((await import('./commands/docs.js')).docsCommand),
  query: async () => defineCommand((await import('./commands/query.js')).queryCommand),
  queries: async () => defineCommand((await import('./commands/queries.js')).queriesCommand),
  serve: async () => defineCommand((await import('./commands/serve.js')).serveCommand),
  push: async () => defineCommand((await import('./commands/push.js')).pushCommand),
  eval: async () => defineCommand((await import('./commands/eval.js')).evalCommand),
};

/** The commands to register: the one named first, or all of them (for help, and to suggest a name for a mistyped one). */
async function commandsFor(argv: readonly string[]): Promise<CommandRegistration[]> {
  const first = argv[0] ?? '';
  const loads = Object.hasOwn(COMMANDS, first) ? [COMMANDS[first]!] : Object.values(COMMANDS);
  return Promise.all(loads.map((load) => load()));
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
    for (const register of await commandsFor(argv)) parser = register(parser, context);
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
