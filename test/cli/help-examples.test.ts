/**
 * Every example of every command's --help runs, as printed, in a temporary folder holding the
 * project's data/, queries/ and ontology/ (examples name those files) after a fresh `peacegraph
 * build`. Examples aimed at a service run against a local stand-in, with only the host and port
 * changed: `serve` listens on a free port (--port 0 added), the curl and --endpoint examples ask
 * that server, and push goes to an in-memory Graph Store (test/store/fake-store.ts).
 */
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../src/paths.js';
import { fakeStore } from '../store/fake-store.js';

const DRIVER = fileURLToPath(new URL('../network/run-cli.ts', import.meta.url));
const MAIN = join(PROJECT_ROOT, 'src', 'cli', 'main.ts');
/** tsx by its URL: the children run in a folder where `--import tsx` would not find the package. */
const TSX = import.meta.resolve('tsx');
const LOOPBACK_URL = /http:\/\/(?:127\.0\.0\.1|localhost):\d+/g;
const HAS_CURL = spawnSync('curl', ['--version']).status === 0;

interface Run {
  readonly argv: string[];
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface Example {
  readonly command: string;
  readonly words: string[];
}

/** A child process, awaited without blocking this one (the stand-in servers live here). */
function child(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(file, args, { cwd, env: { ...process.env, NODE_OPTIONS: '', ...env } });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    process_.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    process_.on('error', reject);
    process_.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Several CLI invocations in one Node process (test/network/run-cli.ts). */
async function runCli(invocations: string[][], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run[]> {
  const result = await child('node', ['--import', TSX, DRIVER, JSON.stringify(invocations)], cwd, env);
  expect(result.status, result.stderr).to.equal(0);
  return JSON.parse(result.stdout) as Run[];
}

/** Shell words: spaces separate, single or double quotes group (all the examples need). */
export function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** The "Examples:" section of a help text: command, two or more spaces, description, one per line. */
function examples(help: string): Example[] {
  const start = help.indexOf('\nExamples:\n');
  if (start < 0) return [];
  const lines = help.slice(start + '\nExamples:\n'.length).split('\n');
  return lines.slice(0, lines.findIndex((line) => line.trim() === '')).map((line) => {
    const [command, description, ...rest] = line.trim().split(/\s{2,}/);
    expect(rest, `one example per line, not wrapped: ${line}`).to.deep.equal([]);
    expect(description, `an example with its description on its line: ${line}`).to.be.a('string');
    return { command: command!, words: shellWords(command!) };
  });
}

/** The commands `peacegraph --help` lists. */
function commandNames(help: string): string[] {
  return [...help.matchAll(/^ {2}peacegraph (\S+)/gm)].map((match) => match[1]!);
}

const ok = (run: Run) => expect(run.exitCode, `${run.argv.join(' ')}\n${run.stderr}`).to.equal(0);

describe('cli: every --help example runs', function () {
  // Three builds, federated queries and a server in child processes, on a loaded machine.
  this.timeout(600000);
  let dir: string;
  let byCommand: Map<string, Example[]>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-help-'));
    await Promise.all(['data', 'queries', 'ontology', join('test', 'fixtures', 'devset')].map((folder) => cp(join(PROJECT_ROOT, folder), join(dir, folder), { recursive: true })));
    const [top] = await runCli([['--help']], dir);
    const names = commandNames(top!.stdout);
    const helps = await runCli(names.map((name) => [name, '--help']), dir);
    byCommand = new Map(names.map((name, index) => [name, examples(helps[index]!.stdout)]));
    // The fresh build the examples run against.
    ok((await runCli([['build', '--quiet']], dir))[0]!);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('every command has examples, each on one line with its description', () => {
    expect([...byCommand.keys()]).to.include.members(['build', 'stats', 'validate', 'docs', 'query', 'queries', 'serve', 'push']);
    for (const [name, list] of byCommand) expect(list, name).to.not.be.empty;
  });

  it('the examples that need no service succeed as printed', async () => {
    const local = [...byCommand.values()].flat()
      .filter(({ words, command }) => words[0] === 'peacegraph' && words[1] !== 'serve' && words[1] !== 'push' && command.match(LOOPBACK_URL) === null);
    const runs = await runCli(local.map(({ words }) => words.slice(1)), dir);
    expect(runs).to.have.length.greaterThan(10);
    for (const run of runs) ok(run);
  });

  it('serve, and the examples that ask it (curl, query --endpoint), succeed against a server on a free port', async () => {
    // The example that listens on loopback runs; one listening on every interface (--host) is not started by a test.
    const serveExamples = byCommand.get('serve')!.filter(({ words }) => words[1] === 'serve' && !words.includes('--host'));
    const askers = [...byCommand.values()].flat().filter(({ words, command }) => words[1] !== 'push' && words[1] !== 'serve' && command.match(LOOPBACK_URL) !== null);
    expect(serveExamples).to.not.be.empty;
    expect(askers.map(({ words }) => words[0])).to.include.members(['curl', 'peacegraph']);
    /** Starts a serve example on a free port; resolves with its address once it listens. */
    const start = (words: readonly string[]) => {
      const server = spawn('node', ['--import', TSX, MAIN, ...words.slice(1), '--port', '0'], { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' } });
      let stderr = '';
      const printed = (pattern: RegExp) => new Promise<string>((resolve, reject) => {
        // Generous for a loaded machine; a line never printed fails here, not at the suite's timeout.
        setTimeout(() => reject(new Error(`serve did not print ${pattern} within 3 minutes: ${stderr}`)), 180000).unref();
        server.stderr.on('data', () => {
          const match = pattern.exec(stderr);
          if (match) resolve(match[1]!);
        });
        server.on('close', (status) => reject(new Error(`serve exited with ${status}: ${stderr}`)));
      });
      server.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
      // Its address once it listens; then how many bundled listings it has kept for paging.
      return { server, address: printed(/ at (http:\/\/[\d.]+:\d+)\//), kept: printed(/(\d+) bundled listings kept whole for paging/) };
    };
    // Every other serve example starts and listens as printed.
    for (const { words } of serveExamples.slice(1)) {
      const other = start(words);
      try {
        await other.address;
      } finally {
        other.server.kill();
      }
    }
    const { server, address: listening, kept } = start(serveExamples[0]!.words);
    try {
      const address = await listening;
      // Every bundled SELECT with an ORDER BY (queries/) answers, but those reading evidence, which serve without --with-evidence refuses.
      const files = (await readdir(join(dir, 'queries'))).filter((name) => name.endsWith('.rq'));
      const listings = (await Promise.all(files.map((name) => readFile(join(dir, 'queries', name), 'utf8'))))
        .filter((text) => /^\s*SELECT\b/m.test(text) && /^\s*ORDER BY\b/m.test(text) && !text.includes('pg:evidence'));
      expect(Number(await kept)).to.equal(listings.length).and.to.be.greaterThan(0);
      for (const { words } of askers) {
        const argv = words.map((word) => word.replace(LOOPBACK_URL, address));
        if (argv[0] === 'curl') {
          if (!HAS_CURL) {
            // .ci/run installs curl, so CI always runs this example.
            expect(process.env.CI, 'curl is missing (.ci/run installs it)').to.not.equal('true');
            console.warn(`      skipped (curl is not installed): ${argv.join(' ')}`);
            continue;
          }
          const result = await child('curl', ['--silent', '--fail', ...argv.slice(1)], dir);
          expect(result.status, `${argv.join(' ')}: ${result.stderr}`).to.equal(0);
          expect(result.stdout).to.match(/"boolean"\s*:\s*true/);
        } else {
          ok((await runCli([argv.slice(1)], dir))[0]!);
        }
      }
    } finally {
      server.kill();
    }
  });

  it('the push examples succeed against a Graph Store stand-in', async () => {
    const { server, graphs } = fakeStore();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const pushes = byCommand.get('push')!.map(({ words }) => words.slice(1).map((word) => word.replace(LOOPBACK_URL, address)));
      expect(pushes).to.have.length.greaterThan(0);
      // The Virtuoso example reads its password from the environment, as its description says; the
      // Fuseki one from the file it names.
      await writeFile(join(dir, 'store-password.txt'), 'example\n');
      for (const run of await runCli(pushes, dir, { PEACEGRAPH_STORE_PASSWORD: 'example' })) ok(run);
      expect([...graphs.keys()].some((graph) => graph.startsWith('https://example.org/graph/'))).to.equal(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
