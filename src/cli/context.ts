import type { Argv, CommandModule } from 'yargs';
/** What a command needs from its surroundings, injected so the CLI runs in-process in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (default table output, progress bars). */
  readonly isTTY: boolean;
}

export interface CliContext {
  readonly io: CliIo;
  /** Exit status of the command; the highest severity set wins. */
  exitCode: number;
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Nothing was written: bad arguments, fatal input problem, no usable report, --strict with a refused input; `validate` on violations. */
  failure: 1,
  /** Output was written for the good inputs, but some inputs were refused (unreadable, unknown layout, a graph that violates the shapes). */
  partial: 3,
} as const;

/** An error the user can act on: printed as one line, without a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.failure) {
    super(message);
    this.name = 'UserError';
  }
}

/** A command, registered on the parser with the context it runs in (one line per command in main.ts). */
export type CommandRegistration = (parser: Argv<object>, context: CliContext) => Argv<object>;

export function defineCommand<A>(factory: (context: CliContext) => CommandModule<object, A>): CommandRegistration {
  return (parser, context) => parser.command(factory(context));
}
