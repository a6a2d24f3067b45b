/**
 * The store password, from anywhere but the command line (where `ps` and shell history show it):
 * a file named by --password-file (its first line), the environment, or a prompt on a terminal,
 * typed without echo.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from './context.js';

export const PASSWORD_VARIABLE = 'PEACEGRAPH_STORE_PASSWORD';

export const PASSWORD_SOURCES = `${PASSWORD_VARIABLE}, --password-file FILE, or type it when asked (on a terminal)`;

/** Reads a line from the terminal without showing it; Ctrl-C stops the command. */
function prompt(question: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (action: () => void): void => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      action();
    };
    const onData = (chunk: Buffer): void => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish(() => resolve(typed));
        if (character === '\u0003') return finish(() => reject(new UserError('no password given (Ctrl-C)', 130)));
        typed = character === '\u007f' || character === '\b' ? typed.slice(0, -1) : typed + character;
      }
    };
    process.stderr.write(question);
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

/** The password for `user`, or a UserError naming where it may come from; `interactive`: the CLI runs on a terminal. */
export async function storePassword(user: string, passwordFile: string | undefined, interactive: boolean): Promise<string> {
  if (passwordFile !== undefined) {
    const text = await readFile(passwordFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UserError(`${passwordFile}: cannot read the password file (${error.code ?? error.message})`);
    });
    const password = text.split(/\r?\n/)[0] ?? '';
    if (password === '') throw new UserError(`${passwordFile}: the password file is empty (its first line is the password)`);
    return password;
  }
  const fromEnvironment = process.env[PASSWORD_VARIABLE];
  if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment;
  if (interactive && process.stdin.isTTY === true) return prompt(`Password for ${user}: `);
  throw new UserError(`--user ${user} needs a password: ${PASSWORD_SOURCES}`);
}
