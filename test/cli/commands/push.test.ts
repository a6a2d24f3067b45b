/**
 * `peacegraph push` arguments: the password never on the command line, --graph-base checked before
 * anything is read or sent. (Pushing itself: test/store.)
 */
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main.js';

const STORE = ['--store', 'http://127.0.0.1:9/store', '--update', 'http://127.0.0.1:9/update'];

describe('cli/commands/push arguments', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-push-args-'));
    await writeFile(join(dir, 'empty-password'), '\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const rows: ReadonlyArray<readonly [string, () => string[], RegExp]> = [
    ['--password on the command line', () => ['--graph-base', 'https://example.org/g/', '--user', 'dba', '--password', 'hunter2'],
      /^peacegraph: error: --password is not accepted: a password on the command line shows in `ps` and the shell history; use PEACEGRAPH_STORE_PASSWORD, --password-file FILE, or type it when asked \(on a terminal\)\n$/],
    ['a user without any password source', () => ['--graph-base', 'https://example.org/g/', '--user', 'dba'],
      /^peacegraph: error: --user dba needs a password: PEACEGRAPH_STORE_PASSWORD, --password-file FILE, or type it when asked \(on a terminal\)\n$/],
    ['a password file that is missing', () => ['--graph-base', 'https://example.org/g/', '--user', 'dba', '--password-file', join(dir, 'nope')],
      /^peacegraph: error: .*nope: cannot read the password file \(ENOENT\)\n$/],
    ['an empty password file', () => ['--graph-base', 'https://example.org/g/', '--user', 'dba', '--password-file', join(dir, 'empty-password')],
      /^peacegraph: error: .*empty-password: the password file is empty \(its first line is the password\)\n$/],
    ['a relative --graph-base', () => ['--graph-base', 'graph/', '--data', dir],
      /^peacegraph: error: push: --graph-base "graph\/" is not an absolute IRI \(e\.g\. https:\/\/example\.org\/graph\/\): graphs are named by it\n$/],
    ['a --graph-base that would break out of the update', () => ['--graph-base', 'https://example.org/g> } ; DROP ALL ; #', '--data', dir],
      /^peacegraph: error: push: --graph-base ".*" is not an absolute IRI/],
  ];

  for (const [name, args, line] of rows) {
    it(`refuses ${name} with one line, before any request`, async () => {
      let stderr = '';
      const saved = process.env.PEACEGRAPH_STORE_PASSWORD;
      delete process.env.PEACEGRAPH_STORE_PASSWORD;
      try {
        const code = await runCli(['push', ...STORE, ...args()], { stdout: () => undefined, stderr: (text) => { stderr += text; }, isTTY: false });
        expect(code).to.equal(1);
      } finally {
        if (saved !== undefined) process.env.PEACEGRAPH_STORE_PASSWORD = saved;
      }
      expect(stderr).to.match(line);
      expect(stderr).not.to.include('hunter2');
    });
  }
});
