/**
 * build, query and validate work with outbound network refused, and a JSON-LD document that names
 * a remote @context gets a clear error instead of a fetch. Runs the CLI in a child process whose
 * sockets, DNS and fetch are guarded (deny-network.ts), inside an empty network namespace when the
 * machine allows one (unshare -n), so even native code cannot reach out.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED, PROJECT_ROOT } from '../../src/paths.js';

const DENY = fileURLToPath(new URL('deny-network.ts', import.meta.url));
const DRIVER = fileURLToPath(new URL('run-cli.ts', import.meta.url));
const UNSHARE = spawnSync('unshare', ['-n', 'true']).status === 0;

interface Run {
  readonly argv: string[];
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Node with the network guard; the script's network attempts end up in `log`. */
function guardedNode(args: string[], log: string): { status: number | null; stdout: string; stderr: string } {
  const command = ['node', '--import', 'tsx', '--import', DENY, ...args];
  const [file, ...rest] = UNSHARE ? ['unshare', '-n', ...command] : command;
  const child = spawnSync(file!, rest, {
    cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120000,
    env: { ...process.env, PEACEGRAPH_NETWORK_LOG: log, NODE_OPTIONS: '' },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

async function attempts(log: string): Promise<string> {
  return readFile(log, 'utf8').catch(() => '');
}

describe('network: nothing leaves the machine unless the user names an endpoint', function () {
  this.timeout(120000);
  let dir: string;
  let runs: Run[];
  let log: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-offline-'));
    log = join(dir, 'network.log');
    const out = join(dir, 'out');
    const remote = join(dir, 'remote-context.jsonld');
    await writeFile(remote, JSON.stringify({
      '@context': 'https://example.org/context.jsonld',
      '@id': 'https://example.org/id/person/ada', '@type': 'Person', name: 'Ada',
    }));
    const eventPage = join(out, 'event-geneva-peace-week-2017.jsonld');
    const invocations = [
      ['build', BUNDLED.reports, '--out', out, '--quiet'],
      ['query', 'SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://schema.org/Person> }', '--data', out, '--format', 'csv'],
      ['validate', join(out, 'graph.ttl')],
      ['validate', join(out, 'graph.jsonld')],
      // The event file names schema.org's context: served from the bundled copy, never fetched.
      ['query', 'SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <http://schema.org/Person> }', '--data', eventPage, '--format', 'csv'],
      ['validate', remote],
      ['query', 'SELECT * WHERE { ?s ?p ?o }', '--data', remote, '--format', 'csv'],
    ];
    const child = guardedNode([DRIVER, JSON.stringify(invocations)], log);
    expect(child.status, child.stderr).to.equal(0);
    runs = JSON.parse(child.stdout) as Run[];
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('the guard itself catches a fetch (so the checks below can fail)', async () => {
    const probeLog = join(dir, 'probe.log');
    const child = guardedNode(['-e', 'fetch("https://example.org/").catch((e) => console.log(e.message))'], probeLog);
    expect(child.stdout).to.match(/network access refused/);
    expect(await attempts(probeLog)).to.equal('fetch example.org\n');
  });

  it('build, query and validate succeed offline', () => {
    const [build, query, validateTurtle, validateJsonLd, queryEventPage] = runs;
    expect(build!.exitCode, build!.stderr).to.equal(0);
    expect(query!.exitCode, query!.stderr).to.equal(0);
    expect(Number(query!.stdout.trim().split('\n')[1])).to.be.above(20);
    expect(validateTurtle!.exitCode, validateTurtle!.stderr).to.equal(0);
    expect(validateJsonLd!.exitCode, validateJsonLd!.stderr).to.equal(0);
    expect(queryEventPage!.exitCode, queryEventPage!.stderr).to.equal(0);
    expect(Number(queryEventPage!.stdout.trim().split('\n')[1])).to.be.above(10);
  });

  it('a remote @context is refused with a message naming the file and saying why', () => {
    for (const run of runs.slice(5)) {
      expect(run.exitCode, run.argv.join(' ')).to.equal(1);
      expect(run.stderr, run.argv.join(' ')).to.include('remote-context.jsonld');
      expect(run.stderr, run.argv.join(' ')).to.match(/remote context/i);
    }
    // validate also names the URL it refused to fetch.
    expect(runs[5]!.stderr).to.include('https://example.org/context.jsonld');
  });

  it('no command tried to reach the network', async () => {
    expect(await attempts(log)).to.equal('');
  });
});
