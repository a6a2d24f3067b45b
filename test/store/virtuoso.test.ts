/**
 * Integration with a real triple store: .ci/run starts a throw-away Virtuoso (Debian's
 * virtuoso-opensource-7-bin) and names its env file in PEACEGRAPH_VIRTUOSO_ENV. Locally, without
 * one, these tests are skipped; in CI they fail instead.
 */
import { expect } from 'chai';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildGraph } from '../../src/pipeline.js';
import { writeGraph } from '../../src/write/outputs.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';
import { graphsFromTriG, pushAll, pushGraph, statisticsGraph, StoreClient, type GraphPayload, type StoreTarget } from '../../src/store/push.js';
import { graphDigest } from '../../src/store/graph-digest.js';
import { Parser } from 'n3';
import { listBundledQueries } from '../../src/query/bundled.js';
import { LocalEngine } from '../../src/query/local.js';
import { resolveGraphFiles, STATISTICS_FILE } from '../../src/query/rdf-files.js';
import { runQuery } from '../../src/query/run.js';
import { rowLines } from '../../src/query/result.js';
import { runCli } from '../../src/cli/main.js';
import { normalise, virtuosoEnv } from './virtuoso-env.js';

describe('store: push to and query a real Virtuoso', function () {
  this.timeout(120000);
  const env = virtuosoEnv();
  const graphBase = `http://example.org/peacegraph-test/${randomBytes(4).toString('hex')}/`;
  let target: StoreTarget;
  let payloads: GraphPayload[];
  let outDir: string;
  let local: LocalEngine;

  before(async function () {
    if (env === undefined) {
      if (process.env.CI) throw new Error('CI must start Virtuoso (.ci/virtuoso.sh) and set PEACEGRAPH_VIRTUOSO_ENV');
      this.skip();
    }
    target = { gsp: `${env.http}/sparql-graph-crud-auth`, update: `${env.http}/sparql-auth`, credentials: { user: env.user, password: env.password } };
    outDir = await mkdtemp(join(tmpdir(), 'peacegraph-store-'));
    const built = await buildGraph([BUNDLED.reports]);
    await writeGraph(outDir, built.quads, DEFAULT_BASE, built.models);
    // What `push` sends: facts and evidence per report, the ontology, and the statistics graph.
    payloads = [
      ...await graphsFromTriG([join(outDir, 'graph.trig'), join(outDir, 'evidence.trig')], graphBase),
      ...await statisticsGraph(join(outDir, STATISTICS_FILE), graphBase),
    ];
    await pushAll(target, payloads);
    local = new LocalEngine(await resolveGraphFiles(outDir, 'load'));
  });
  after(async () => local?.close());

  it('holds one named graph per source report plus the ontology and statistics graphs, each complete', async () => {
    expect(payloads.map((payload) => payload.graph)).to.deep.equal([`${graphBase}geneva-peace-week-2017`, `${graphBase}ontology`, `${graphBase}statistics`]);
    const client = new StoreClient(target);
    for (const payload of payloads) expect(await client.digest(payload.graph), payload.graph).to.deep.equal(payload.digest);
  });

  it('answers every bundled query as the local runner does', async () => {
    const endpoint = `${env!.http}/sparql`;
    for (const query of await listBundledQueries(BUNDLED.queries)) {
      // Restrict both sides to the pushed graphs: the store holds other data too.
      const scoped = query.text.replace(/\bWHERE\s*\{/, `${payloads.map((payload) => `FROM <${payload.graph}>`).join(' ')} WHERE {`);
      const [remote, mine] = await Promise.all([
        runQuery(scoped, { kind: 'endpoint', url: endpoint }),
        runQuery(query.text, { kind: 'local', engine: local }),
      ]);
      expect(normalise(rowLines(remote.result)), query.name).to.deep.equal(normalise(rowLines(mine.result)));
    }
  });

  it('keeps the previous graph when an upload fails (invalid data)', async () => {
    const [first] = payloads;
    const broken = { ...first!, ntriples: `${first!.ntriples}<http://example.org/s> <http://example.org/p> "unterminated .\n` };
    const client = new StoreClient(target);
    const error = await pushGraph(client, broken).then(() => undefined, (caught: Error) => caught);
    expect(error?.message).to.match(/uploading <.*-staging>: HTTP/);
    expect(await client.digest(first!.graph)).to.deep.equal(first!.digest);
  });

  it('keeps the previous graph when the staged graph is not what was sent', async () => {
    const [first] = payloads;
    const other = { ...first!, digest: graphDigest(new Parser({ format: 'N-Triples' }).parse(`${first!.ntriples}<http://example.org/s> <http://example.org/p> "more" .\n`)) };
    const client = new StoreClient(target);
    const error = await pushGraph(client, other).then(() => undefined, (caught: Error) => caught);
    expect(error?.message).to.match(/staged for upload holds .*: target left untouched/);
    expect(await client.digest(first!.graph)).to.deep.equal(first!.digest);
  });

  it('says clearly when the password is wrong, without printing it', async () => {
    const secret = 'not-the-password-123';
    const error = await pushGraph(new StoreClient({ ...target, credentials: { user: env!.user, password: secret } }), payloads[0]!).then(() => undefined, (caught: Error) => caught);
    expect(error?.message).to.match(/HTTP 401.*wrong user or password/);
    expect(error?.message).not.to.include(secret);
  });

  it('runs push and query --endpoint from the command line', async () => {
    const output: string[] = [];
    const errors: string[] = [];
    const io = { stdout: (text: string) => output.push(text), stderr: (text: string) => errors.push(text), isTTY: false };
    process.env.PEACEGRAPH_STORE_PASSWORD = env!.password;
    try {
      const pushed = await runCli(['push', '--data', outDir, '--store', target.gsp, '--update', target.update!, '--graph-base', graphBase, '--user', env!.user], io);
      expect(pushed, errors.join('')).to.equal(0);
      expect(errors.join('')).to.include('peacegraph: push: 0 replaced, 3 unchanged, 0 failed').and.not.include(env!.password);
    } finally {
      delete process.env.PEACEGRAPH_STORE_PASSWORD;
    }
    const asked = await runCli(['query', `ASK { GRAPH <${graphBase}geneva-peace-week-2017> { ?p <http://schema.org/name> "Einar Bjorgo" } }`, '--endpoint', `${env!.http}/sparql`, '--format', 'csv'], io);
    expect(asked, errors.join('')).to.equal(0);
    expect(output.join('')).to.equal('true\n');
  });
});
