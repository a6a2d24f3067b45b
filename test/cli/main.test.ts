/**
 * The CLI loads only the command named first; help, a mistyped name and no name at all still see
 * every command. Each case is run in this process, its output captured.
 */
import { expect } from 'chai';
import { runCli } from '../../src/cli/main.js';

const COMMANDS = ['build', 'stats', 'validate', 'docs', 'query', 'queries', 'serve', 'push', 'eval'];

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, isTTY: false });
  return { code, stdout, stderr };
}

/** The command names a help text lists under "Commands:". */
const listed = (help: string): string[] => [...help.matchAll(/^ {2}peacegraph (\w+)/gm)].map((match) => match[1]!);

describe('cli/main: the commands', function () {
  this.timeout(60_000);

  it('--help lists every command', async () => {
    const { code, stdout } = await run(['--help']);
    expect([code, listed(stdout)]).to.deep.equal([0, COMMANDS]);
  });

  // [argv, exit code, what stderr says]
  const mistakes: Array<[string[], number, RegExp]> = [
    [['quer'], 1, /Did you mean query\?/],
    [[], 1, /Name a command/],
    [['--data', 'x'], 1, /Name a command/],
  ];
  for (const [argv, code, said] of mistakes) {
    it(`"${argv.join(' ')}": exit ${code}, saying ${said}`, async () => {
      const result = await run(argv);
      expect(result.stderr).to.match(said);
      expect(result.code).to.equal(code);
    });
  }

  it('a command named first runs, with its own help', async () => {
    const help = await run(['queries', '--help']);
    const queries = await run(['queries']);
    expect([help.code, help.stdout.split('\n')[0]]).to.deep.equal([0, 'peacegraph queries']);
    expect(queries.code).to.equal(0);
    expect(queries.stdout).to.include('sessions-of-event');
  });
});
