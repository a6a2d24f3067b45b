import { expect } from 'chai';
import { serveCommand } from '../../../src/cli/commands/serve.js';
import { UserError } from '../../../src/cli/context.js';
import { runCommand } from './run-command.js';

describe('cli/commands/serve', () => {
  // Refused before any graph is read or any port is opened.
  const refused: Array<[string[], RegExp]> = [
    [['--cors-origin', 'example.org'], /--cors-origin: CORS origin "example.org" is not a URL origin/],
    [['--cors-origin', 'https://example.org/sparql'], /origin only \(scheme:\/\/host\[:port\]\), e.g. https:\/\/example.org/],
    [['--cors-origin', 'none', '--cors-origin', '*'], /turns CORS off: give it alone/],
  ];
  for (const [args, message] of refused) {
    it(`refuses serve ${args.join(' ')} with a clear error`, async () => {
      const run = await runCommand(serveCommand, ['serve', '--data', 'no-such-folder', ...args]);
      expect(run.exitCode).to.equal(1);
      expect(run.error).to.be.instanceOf(UserError);
      expect(run.error?.message).to.match(message);
    });
  }
});
