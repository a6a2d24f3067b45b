/** Runs one command module through yargs in-process, as main.ts registers it, capturing its output. */
import yargs from 'yargs';
import type { CommandModule } from 'yargs';
import { EXIT, type CliContext } from '../../../src/cli/context.js';

export interface CommandRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: Error;
}

export async function runCommand<A>(factory: (context: CliContext) => CommandModule<object, A>, argv: readonly string[]): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: false },
    exitCode: EXIT.ok,
  };
  try {
    await yargs()
      .command(factory(context))
      .strict()
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new Error(message);
      })
      .parseAsync([...argv]);
  } catch (error) {
    return { exitCode: EXIT.failure, stdout, stderr, error: error as Error };
  }
  return { exitCode: context.exitCode, stdout, stderr };
}
