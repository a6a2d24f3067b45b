/**
 * push against a small in-memory Graph Store (node:http) that fails on demand: the previous version
 * of a graph survives a store going down mid-upload, a graph the store lost after MOVE is found and
 * repaired by the next push, equal graphs are not sent again, and with HTTP Digest each body is sent
 * once (the server checks every answer against RFC 7616 itself).
 */
import { expect } from 'chai';
import { fakeStore, listen, PASSWORD, USER } from './fake-store.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { checkGraphBase, graphsFromTriG, payloadOf, pushAll, statisticsGraph, StoreClient, type GraphOutcome, type GraphPayload, type StoreTarget } from '../../src/store/push.js';
import { createServer } from 'node:http';
import { writeGraph } from '../../src/write/outputs.js';
import { FIXTURE_BASE, fixtureQuads } from '../write/fixture.js';

const triples = (count: number, tag: string) =>
  Array.from({ length: count }, (_unused, index) => `<http://example.org/s${index}> <http://example.org/p> "${tag}" .\n`).join('');

const statuses = (outcomes: readonly GraphOutcome[]) => outcomes.map((outcome) => `${outcome.status} ${outcome.graph.replace('http://example.org/graph/', '')}`);

describe('store/push', () => {
  const store = fakeStore();
  let target: StoreTarget;
  before(async () => {
    const origin = await listen(store.server);
    target = { gsp: `${origin}/store`, update: `${origin}/update` };
  });
  after(() => new Promise<void>((resolve) => store.server.close(() => resolve())));
  beforeEach(() => { store.graphs.clear(); store.log.length = 0; });

  const version = (tag: string): GraphPayload[] => ['a', 'b', 'c'].map((name, index) => payloadOf(`http://example.org/graph/${name}`, triples(3 + index, `${tag}-${name}`)));
  const puts = () => store.log.filter((entry) => entry.method === 'PUT').length;

  it('replaces each graph through a staging graph and reports it; a second push sends nothing', async () => {
    const reported: string[] = [];
    const first = await pushAll(target, version('v1'), { onGraph: (outcome) => reported.push(outcome.graph) });
    expect(statuses(first)).to.deep.equal(['replaced a', 'replaced b', 'replaced c']);
    expect(reported).to.have.length(3);
    expect([...store.graphs.keys()].sort()).to.deep.equal(['http://example.org/graph/a', 'http://example.org/graph/b', 'http://example.org/graph/c']);
    expect(store.graphs.get('http://example.org/graph/b')).to.equal(triples(4, 'v1-b'));
    const putsBefore = puts();
    expect(statuses(await pushAll(target, version('v1')))).to.deep.equal(['unchanged a', 'unchanged b', 'unchanged c']);
    expect(puts()).to.equal(putsBefore);
  });

  it('keeps the previous graph when the store goes down mid-upload, stops, and the next push repairs', async () => {
    await pushAll(target, version('v1'));
    store.state.failingUploads = true;
    let failed: GraphOutcome[];
    try {
      failed = await pushAll(target, version('v2'));
    } finally {
      store.state.failingUploads = false;
    }
    expect(statuses(failed)).to.deep.equal(['failed a', 'failed b', 'failed c']);
    expect(failed.map((outcome) => (outcome.status === 'failed' ? outcome.problem : ''))).to.satisfy((problems: string[]) =>
      /^uploading <http:\/\/example\.org\/graph\/a-staging>: cannot reach http:\/\/127\.0\.0\.1:\d+/.test(problems[0]!) && problems.slice(1).every((problem) => problem.startsWith('not tried: ')));
    expect(store.graphs.get('http://example.org/graph/a')).to.equal(triples(3, 'v1-a'));
    expect(statuses(await pushAll(target, version('v2')))).to.deep.equal(['replaced a', 'replaced b', 'replaced c']);
    for (const payload of version('v2')) expect(store.graphs.get(payload.graph)).to.equal(payload.ntriples);
    expect([...store.graphs.keys()].filter((graph) => graph.includes('staging'))).to.deep.equal([]);
  });

  it('finds a graph the store lost after MOVE, and the next push repairs it', async () => {
    store.state.losingMoves = true;
    let lost: GraphOutcome[];
    try {
      lost = await pushAll(target, version('v1').slice(0, 1));
    } finally {
      store.state.losingMoves = false;
    }
    expect(lost[0]).to.include({ status: 'failed' });
    expect((lost[0] as { problem: string }).problem).to.match(/^<http:\/\/example\.org\/graph\/a> after the upload holds 2 triples, hash [0-9a-f]{12}; 3 triples, hash [0-9a-f]{12} were sent$/);
    expect(statuses(await pushAll(target, version('v1').slice(0, 1)))).to.deep.equal(['replaced a']);
    expect(store.graphs.get('http://example.org/graph/a')).to.equal(triples(3, 'v1-a'));
  });

  it('--verify lists the graphs that differ (other content, missing) and sends nothing', async () => {
    await pushAll(target, version('v1'));
    store.graphs.set('http://example.org/graph/b', triples(4, 'edited'));
    store.graphs.delete('http://example.org/graph/c');
    const putsBefore = puts();
    expect(statuses(await pushAll(target, version('v1'), { verifyOnly: true }))).to.deep.equal(['unchanged a', 'differs b', 'differs c']);
    expect(puts()).to.equal(putsBefore);
  });

  it('says clearly when the store is not there', async () => {
    const [outcome] = await pushAll({ gsp: 'http://127.0.0.1:9/store', update: 'http://127.0.0.1:9/update' }, version('x').slice(0, 1));
    expect(outcome).to.include({ status: 'failed' });
    expect((outcome as { problem: string }).problem).to.match(/^reading <http:\/\/example\.org\/graph\/a>: cannot reach http:\/\/127\.0\.0\.1:9/);
  });

  it('sends the statistics graph of a build as the graph "statistics", and nothing for a build without one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'peacegraph-push-statistics-'));
    expect(await statisticsGraph(join(dir, 'statistics.nt'), 'http://example.org/graph/')).to.deep.equal([]);
    await writeFile(join(dir, 'statistics.nt'), triples(2, 'count'));
    const payloads = await statisticsGraph(join(dir, 'statistics.nt'), 'http://example.org/graph/');
    expect(statuses(await pushAll(target, payloads))).to.deep.equal(['replaced statistics']);
    expect(store.graphs.get('http://example.org/graph/statistics')).to.equal(triples(2, 'count'));
  });

  it('sends each report graph with its evidence: graph.trig and evidence.trig make one payload per graph, the mapped graph', async () => {
    const out = await mkdtemp(join(tmpdir(), 'peacegraph-push-evidence-'));
    try {
      await writeGraph(out, fixtureQuads(), FIXTURE_BASE);
      const base = 'https://example.org/store/';
      const payloads = await graphsFromTriG([join(out, 'graph.trig'), join(out, 'evidence.trig')], base);
      const facts = await graphsFromTriG([join(out, 'graph.trig')], base);
      expect(payloads.map((payload) => payload.graph)).to.deep.equal([`${base}fixture`, `${base}ontology`]);
      const lines = (ntriples: string) => new Parser({ format: 'N-Triples' }).parse(ntriples).map((quad) => `${quad.subject.value} ${quad.predicate.value} ${quad.object.value}`);
      const mapped = fixtureQuads().filter((quad) => quad.graph.value === `${FIXTURE_BASE}graph/fixture`).map((quad) => `${quad.subject.value} ${quad.predicate.value} ${quad.object.value}`);
      expect(lines(payloads[0]!.ntriples).sort()).to.deep.equal([...new Set(mapped)].sort());
      expect(lines(facts[0]!.ntriples).filter((line) => line.includes('http://www.w3.org/ns/oa#'))).to.deep.equal([]);
      expect(facts[0]!.digest.triples).to.be.below(payloads[0]!.digest.triples / 2);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  const bases: ReadonlyArray<readonly [string, boolean]> = [
    ['https://example.org/graph/', true], ['urn:peacegraph:graph:', true], ['http://example.org/g#', true],
    ['graph/', false], ['example.org/graph/', false], ['https://example.org/a graph/', false],
    ['https://example.org/g> } ; DROP ALL ; #', false], ['', false],
  ];
  for (const [base, valid] of bases) {
    it(`--graph-base ${JSON.stringify(base)}: ${valid ? 'accepted' : 'refused'}`, () => {
      if (valid) expect(checkGraphBase(base)).to.equal(base);
      else expect(() => checkGraphBase(base)).to.throw(/is not an absolute IRI/);
    });
  }
});

describe('store/push with HTTP Digest', () => {
  const store = fakeStore({ digest: true });
  let target: StoreTarget;
  before(async () => {
    const origin = await listen(store.server);
    target = { gsp: `${origin}/store`, update: `${origin}/update`, credentials: { user: USER, password: PASSWORD } };
  });
  after(() => new Promise<void>((resolve) => store.server.close(() => resolve())));

  it('sends each body once: the challenge is learnt once per endpoint and answered up front', async () => {
    const payloads = ['a', 'b', 'c', 'd'].map((name) => payloadOf(`http://example.org/graph/${name}`, triples(5, name)));
    const outcomes = await pushAll(target, payloads);
    expect(statuses(outcomes)).to.deep.equal(['replaced a', 'replaced b', 'replaced c', 'replaced d']);
    const refused = store.log.filter((entry) => !entry.authorised);
    // One unauthenticated request per endpoint (a GET on the store, a HEAD probe on /update), no body in either.
    expect(refused.map((entry) => `${entry.method} ${entry.body}`)).to.deep.equal(['GET 0', 'HEAD 0']);
    const uploads = store.log.filter((entry) => entry.method === 'PUT');
    expect(uploads.map((entry) => `${entry.graph} ${entry.authorised}`)).to.deep.equal(payloads.map((payload) => `${payload.graph}-staging true`));
  });

  it('a wrong password is refused once, not retried, and never shown', async () => {
    const [outcome] = await pushAll({ ...target, credentials: { user: USER, password: 'not-it' } }, [payloadOf('http://example.org/graph/z', triples(1, 'z'))]);
    expect(outcome).to.include({ status: 'failed' });
    expect((outcome as { problem: string }).problem).to.match(/HTTP 401.*wrong user or password/).and.not.include('not-it');
  });
});

describe('store/push: a store that refuses an upload and breaks the connection before its answer is read', () => {
  // What the sender of a large body may see when Virtuoso refuses a wrong password: the connection
  // closed under the body, the 401 unread. Asked without a body, the store answers 401.
  const server = createServer((request, response) => {
    if (request.method !== 'GET') {
      request.socket.destroy();
      return;
    }
    response.writeHead(401, { 'www-authenticate': 'Basic realm="store"' });
    response.end('Unauthorized');
  });
  let target: StoreTarget;
  before(async () => {
    const origin = await listen(server);
    target = { gsp: `${origin}/store`, credentials: { user: USER, password: 'not-it' } };
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('says the store refused it (HTTP 401, wrong user or password), not that it cannot be reached', async () => {
    const body = triples(1000, 'a');
    const error = await new StoreClient(target).put('http://example.org/graph/a', body).then(() => undefined, (caught: Error) => caught);
    expect(error?.message).to.match(/^uploading <http:\/\/example\.org\/graph\/a>: HTTP 401 .*wrong user or password/).and.not.include('not-it');
  });
});
