/**
 * push against a real Virtuoso killed mid-push (kill -9), as .ci/run provides it
 * (PEACEGRAPH_VIRTUOSO_ENV; skipped locally without one, failing in CI): push v1 of 16 graphs, push
 * v2 and kill the store after 7 graphs were replaced, restart it on the same database, push v2
 * again: every graph then holds v2 exactly, checked independently of peacegraph's hashing (each
 * graph read back over SPARQL as N-Triples and compared as a set of lines with the local file).
 * And a completed push surely survives the store killed right after it with --virtuoso-checkpoint
 * (without it, what survives depends on whether the store checkpointed; verify reports it).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const GRAPHS = 16;
const KILL_AFTER = 7;

function environment(): Record<string, string> | undefined {
  const file = process.env.PEACEGRAPH_VIRTUOSO_ENV;
  if (file === undefined || !existsSync(file)) return undefined;
  return Object.fromEntries(readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
}

/**
 * Triples of one report graph in one version: v1 large, v2 smaller and different. As in real
 * builds, part of each graph is shared by all graphs (people and organisations named in several
 * reports), and part is in both versions.
 */
function graphLines(index: number, version: 'v1' | 'v2'): string[] {
  const own = Array.from({ length: version === 'v1' ? 400 : 120 }, (_unused, line) =>
    `<http://example.org/report-${index}/thing-${line}> <http://schema.org/name> "${version} thing ${line} of report ${index}" .`);
  const shared = Array.from({ length: version === 'v1' ? 200 : 60 }, (_unused, line) =>
    `<http://example.org/person/${line}> <http://schema.org/name> "${version} person ${line}" .`);
  const both = Array.from({ length: 30 }, (_unused, line) => `<http://example.org/organisation/${line}> <http://schema.org/name> "organisation ${line}" .`);
  return [...own, ...shared, ...both];
}

/** A build output folder holding only graph.trig, as push reads it. */
async function buildOutput(dir: string, version: 'v1' | 'v2'): Promise<void> {
  await mkdir(dir, { recursive: true });
  const graphs = Array.from({ length: GRAPHS }, (_unused, index) =>
    `<https://w3id.org/peacegraph/graph/report-${String(index).padStart(5, '0')}> {\n${graphLines(index, version).join('\n')}\n}\n`);
  await writeFile(join(dir, 'graph.trig'), graphs.join(''));
}

/** The graph as the store's SPARQL endpoint gives it, one N-Triples line per triple, sorted. */
async function storedLines(http: string, graph: string): Promise<string[]> {
  const query = `CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${graph}> { ?s ?p ?o } }`;
  const response = await fetch(`${http}/sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/n-triples' } });
  expect(response.status).to.equal(200);
  return (await response.text()).split('\n').map((line) => line.trim().replace(/\t/g, ' ')).filter((line) => line.length > 0).sort();
}

describe('store: push survives Virtuoso killed mid-push (issue 18)', function () {
  this.timeout(180_000);
  const env = environment();
  let root: string;
  let io: { stdout: (text: string) => void; stderr: (text: string) => void; isTTY: boolean };
  let stderr: string;

  before(async function () {
    if (env === undefined) {
      if (process.env.CI) throw new Error('CI must start Virtuoso (.ci/virtuoso.sh) and set PEACEGRAPH_VIRTUOSO_ENV');
      this.skip();
    }
    root = await mkdtemp(join(tmpdir(), 'peacegraph-virtuoso-crash-'));
    io = { stdout: () => undefined, stderr: (text) => { stderr += text; }, isTTY: false };
  });
  after(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** `peacegraph push` of a build folder to the graphs under `graphBase`, output into `stderr`. */
  const pushTo = (graphBase: string) => (data: string, extra: string[] = []): Promise<number> =>
    runCli(['push', '--data', data, '--store', `${env!.VIRTUOSO_HTTP}/sparql-graph-crud-auth`, '--update', `${env!.VIRTUOSO_HTTP}/sparql-auth`,
      '--graph-base', graphBase, '--user', env!.VIRTUOSO_USER!, ...extra], io);

  it('after a restart, a second push makes every graph equal to v2', async () => {
    const graphBase = `http://example.org/peacegraph-crash/${randomBytes(4).toString('hex')}/`;
    const push = pushTo(graphBase);
    await buildOutput(join(root, 'v1'), 'v1');
    await buildOutput(join(root, 'v2'), 'v2');
    process.env.PEACEGRAPH_STORE_PASSWORD = env!.VIRTUOSO_PASSWORD;
    try {
      stderr = '';
      expect(await push(join(root, 'v1')), stderr).to.equal(0);

      // Kill the store as soon as the 7th graph is reported replaced: mid-push, wherever it is.
      const pid = Number(environment()!.VIRTUOSO_PID);
      stderr = '';
      let killed = false;
      io.stderr = (text) => {
        stderr += text;
        if (!killed && (stderr.match(/^peacegraph: replaced /gm) ?? []).length === KILL_AFTER) {
          process.kill(pid, 'SIGKILL');
          killed = true;
        }
      };
      const interrupted = await push(join(root, 'v2'));
      io.stderr = (text) => { stderr += text; };
      expect(killed, stderr).to.equal(true);
      expect(interrupted, stderr).to.equal(1);
      expect(stderr).to.match(new RegExp(`^peacegraph: push: ${KILL_AFTER} replaced, 0 unchanged, ${GRAPHS - KILL_AFTER} failed \\(${GRAPHS - KILL_AFTER - 1} not tried: the store could not be reached\\)$`, 'm'));
      expect(stderr.match(/^peacegraph: error: </gm), 'one error line for the graph under way').to.have.length(1);
      expect(stderr).to.match(new RegExp(`^peacegraph: error: push: ${GRAPHS - KILL_AFTER} graph\\(s\\) were not replaced: run push again to repair them`, 'm'));

      const restart = spawnSync('bash', [join(PROJECT_ROOT, '.ci', 'virtuoso.sh'), 'restart', process.env.PEACEGRAPH_VIRTUOSO_ENV!], { encoding: 'utf8' });
      expect(restart.status, restart.stderr).to.equal(0);

      if (process.env.PEACEGRAPH_MEASURE) {
        const held: string[] = [];
        for (let index = 0; index < GRAPHS; index += 1) {
          const lines = await storedLines(env!.VIRTUOSO_HTTP!, `${graphBase}report-${String(index).padStart(5, '0')}`);
          const same = (version: 'v1' | 'v2') => JSON.stringify(lines) === JSON.stringify([...graphLines(index, version)].sort());
          held.push(same('v2') ? 'v2' : same('v1') ? 'v1' : `${lines.length} other`);
        }
        process.stdout.write(`      after the restart, graph by graph: ${held.join(', ')}\n`);
      }

      // What the crash left: --verify lists the graphs that do not hold v2, and sends nothing.
      stderr = '';
      expect(await push(join(root, 'v2'), ['--verify']), stderr).to.equal(1);
      const left = /^peacegraph: verify: (\d+) equal, (\d+) differ, 0 failed$/m.exec(stderr);
      expect(left, stderr).to.not.equal(null);
      const differing = (stderr.match(/^peacegraph: differs <[^>]+>/gm) ?? []).map((line) => line.slice('peacegraph: differs '.length));
      expect(differing).to.have.length(Number(left![2]));

      stderr = '';
      const repaired = await push(join(root, 'v2'));
      expect(repaired, stderr).to.equal(0);
      const summary = /^peacegraph: push: (\d+) replaced, (\d+) unchanged, 0 failed$/m.exec(stderr);
      expect(summary, stderr).to.not.equal(null);
      expect(Number(summary![1]) + Number(summary![2])).to.equal(GRAPHS);
      // The re-run sends exactly the graphs --verify found different.
      expect((stderr.match(/^peacegraph: replaced <[^>]+>/gm) ?? []).map((line) => line.slice('peacegraph: replaced '.length))).to.deep.equal(differing);
      if (process.env.PEACEGRAPH_MEASURE) process.stdout.write(`      after the restart ${left![1]} graphs held v2, ${left![2]} did not; the re-run replaced ${summary![1]}\n`);

      stderr = '';
      expect(await push(join(root, 'v2'), ['--verify']), stderr).to.equal(0);
      expect(stderr).to.include(`peacegraph: verify: ${GRAPHS} equal, 0 differ, 0 failed`);
    } finally {
      delete process.env.PEACEGRAPH_STORE_PASSWORD;
    }
    for (let index = 0; index < GRAPHS; index += 1) {
      const graph = `${graphBase}report-${String(index).padStart(5, '0')}`;
      expect(await storedLines(env!.VIRTUOSO_HTTP!, graph), graph).to.deep.equal([...graphLines(index, 'v2')].sort());
    }
  });

  it('a completed push survives the store killed right after it with --virtuoso-checkpoint; verify reports what survived without it', async () => {
    const push = pushTo(`http://example.org/peacegraph-checkpoint/${randomBytes(4).toString('hex')}/`);
    /** Pushes v1 then v2 (with `extra`), kills the store, restarts it; returns what push --verify says. */
    const pushThenCrash = async (extra: string[]): Promise<string> => {
      stderr = '';
      expect(await push(join(root, 'v1')), stderr).to.equal(0);
      expect(await push(join(root, 'v2'), extra), stderr).to.equal(0);
      const pid = Number(environment()!.VIRTUOSO_PID);
      process.kill(pid, 'SIGKILL');
      const restart = spawnSync('bash', [join(PROJECT_ROOT, '.ci', 'virtuoso.sh'), 'restart', process.env.PEACEGRAPH_VIRTUOSO_ENV!], { encoding: 'utf8' });
      expect(restart.status, restart.stderr).to.equal(0);
      expect(restart.stdout).to.match(/restarted/);
      stderr = '';
      await push(join(root, 'v2'), ['--verify']);
      return /^peacegraph: verify: .*$/m.exec(stderr)?.[0] ?? stderr;
    };
    process.env.PEACEGRAPH_STORE_PASSWORD = env!.VIRTUOSO_PASSWORD;
    try {
      expect(await pushThenCrash(['--virtuoso-checkpoint'])).to.equal(`peacegraph: verify: ${GRAPHS} equal, 0 differ, 0 failed`);
      // Without it, the same crash may take part of what was moved (what README states per store),
      // or not, when the store happened to checkpoint on its own: either way verify tells the truth.
      expect(await pushThenCrash([])).to.match(/^peacegraph: verify: (\d+) equal, (\d+) differ, 0 failed$/)
        .and.satisfy((line: string) => line.match(/\d+/g)!.slice(0, 2).map(Number).reduce((a, b) => a + b) === GRAPHS);
    } finally {
      delete process.env.PEACEGRAPH_STORE_PASSWORD;
    }
  });
});
