/**
 * The endpoint as a hostile client would try it, in-process (fastify inject) and over loopback.
 * No assertion depends on speed: servers have generous timeouts, workers are loaded before any
 * test starts (createServer resolves when they are), and the only time bound is a 2-second guard
 * on `ASK {}` while a heavy or broken query is about.
 */
import { expect } from 'chai';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createServer, type ServeOptions } from '../../src/serve/server.js';
import { hostAllowed } from '../../src/serve/host-check.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGraph } from '../../src/write/outputs.js';
import { resolveGraphFiles } from '../../src/query/rdf-files.js';
import { FIXTURE_BASE, fixtureQuads } from '../write/fixture.js';

const NAMES = 'SELECT ?n WHERE { ?p a <http://schema.org/Person> ; <http://schema.org/name> ?n } ORDER BY ?n';
/** A join of six copies of the graph: 29^6 rows, hours of work for COUNT. */
const EXPLODING = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?q ?r ?s }';
/** The issue's reproduction: 3,000 FILTERs make Oxigraph's WebAssembly trap ("memory access out of bounds"). */
const TRAP = `SELECT * {?s ?p ?o ${Array.from({ length: 3000 }, () => `FILTER(?o != "${'x'.repeat(50)}")`).join(' ')}}`;
const deep = (levels: number) => `SELECT * WHERE ${'{ '.repeat(levels)}?s ?p ?o${' }'.repeat(levels)}`;

const OPTIONS: ServeOptions = {
  graph: { quads: { path: 'test/fixtures/query/mini.trig', format: 'application/trig' } },
  base: DEFAULT_BASE, timeoutMs: 60000, maxRows: 1, maxQueryBytes: 65536, workers: 2,
};

const get = (query: string, accept = 'application/sparql-results+json'): InjectOptions =>
  ({ method: 'GET', url: `/sparql?query=${encodeURIComponent(query)}`, headers: { accept } });
const post = (query: string): InjectOptions =>
  ({ method: 'POST', url: '/sparql', payload: query, headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' } });

/** `ASK {}` answers true, within 2 s: a guard against a server that hangs, not a speed measurement. */
async function expectAskAnswers(app: FastifyInstance): Promise<void> {
  let guard: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_resolve, reject) => {
    guard = setTimeout(() => reject(new Error('ASK {} got no answer within 2 s')), 2000);
  });
  try {
    const response = await Promise.race([app.inject(get('ASK {}')), hung]);
    expect(response.statusCode, response.body).to.equal(200);
    expect(response.json()).to.deep.equal({ head: {}, boolean: true });
  } finally {
    clearTimeout(guard);
  }
}

describe('serve', () => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await createServer(OPTIONS));
  });
  after(() => app.close());

  it('answers a standard SPARQL client GET with SPARQL results JSON', async () => {
    const response = await app.inject(get('ASK { ?p <http://schema.org/name> "Ana Lima" }'));
    expect(response.statusCode).to.equal(200);
    expect(response.headers['content-type']).to.match(/^application\/sparql-results\+json/);
    expect(response.json()).to.deep.equal({ head: {}, boolean: true });
  });

  it('answers a POST with a query body, cuts at the result cap and says so', async () => {
    const response = await app.inject({ ...post(NAMES), headers: { 'content-type': 'application/sparql-query', accept: 'text/csv' } });
    expect(response.statusCode).to.equal(200);
    expect(response.body).to.equal('n\r\nAna Lima\r\n');
    expect(response.headers['x-peacegraph-truncated']).to.equal('results cut at 1');
  });

  it('writes the cap into the query: a capped answer of an exploding join comes back at once, not after the whole join', async () => {
    const response = await app.inject(get('SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?q ?r ?s }'));
    expect(response.statusCode, response.body).to.equal(200);
    expect((response.json() as { results: { bindings: unknown[] } }).results.bindings).to.have.length(1);
    expect(response.headers['x-peacegraph-truncated']).to.equal('results cut at 1');
  });

  it('answers a form-encoded POST and negotiates XML', async () => {
    const response = await app.inject({
      method: 'POST', url: '/sparql', payload: `query=${encodeURIComponent('ASK {}')}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+xml' },
    });
    expect(response.statusCode).to.equal(200);
    expect(response.body).to.include('<boolean>true</boolean>');
  });

  const formulas: Array<[string, string]> = [
    ['=HYPERLINK(\\"http://x\\")', '"\'=HYPERLINK(""http://x"")"'],
    ['+Director', "'+Director"],
    ['-3', '-3'],
  ];
  for (const [literal, cell] of formulas) {
    it(`writes the text/csv cell ${literal} as ${cell}`, async () => {
      const response = await app.inject(get(`SELECT ?v WHERE { BIND("${literal}" AS ?v) }`, 'text/csv'));
      expect(response.body).to.equal(`v\r\n${cell}\r\n`);
    });
  }

  const refusals: Array<[string, InjectOptions, number, RegExp]> = [
    ['an update in a form', { method: 'POST', url: '/sparql', payload: 'update=DROP%20ALL', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 403, /read-only/],
    ['an update body', { method: 'POST', url: '/sparql', payload: 'DROP ALL', headers: { 'content-type': 'application/sparql-update' } }, 403, /read-only/],
    ['an update sent as a query', get('CLEAR DEFAULT'), 403, /read-only/],
    ['a malformed query', get('SELECT ?x WHERE {'), 400, /syntax error/],
    ['a missing query', { method: 'POST', url: '/sparql', payload: 'default-graph-uri=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400, /Missing query/],
    ['a huge query body', post(`ASK {} #${'x'.repeat(70000)}`), 413, /./],
    ['a huge query in the URL', get(`ASK {} #${'x'.repeat(70000)}`), 413, /limit is 65536 bytes/],
    ['5,000 nested { } (before parsing)', get(deep(5000)), 400, /nested 5000 deep refused/],
    ['4,000 nested ( ) (before parsing)', get(`ASK { FILTER(${'('.repeat(4000)}1${')'.repeat(4000)}) }`), 400, /nested 4002 deep refused/],
    ['a SERVICE clause (no server-side requests)', get('SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }'), 400, /SERVICE <http:\/\/127\.0\.0\.1:9\/sparql>: the local engine never calls/],
    ['a FROM naming no graph of the data', get('SELECT * FROM <http://example.org/elsewhere> { ?s ?p ?o }'), 400, /FROM <http:\/\/example\.org\/elsewhere>: the local graph has no named graph/],
  ];
  for (const [name, request, status, message] of refusals) {
    it(`refuses ${name} with HTTP ${status} and a clear message`, async () => {
      const response = await app.inject(request);
      expect(response.statusCode).to.equal(status);
      expect(response.body).to.match(message);
    });
  }

  it('honours FROM: the default graph is then the named graph, not the union', async () => {
    const count = async (query: string) => Number(((await app.inject(get(query))).json() as { results: { bindings: Array<{ n: { value: string } }> } }).results.bindings[0]!.n.value);
    // mini.trig: graph one holds 21 triples, graph two 8 (the union is what a query without FROM sees).
    expect(await count('SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/peacegraph/id/graph/two> WHERE { ?s ?p ?o }')).to.equal(8);
    expect(await count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')).to.equal(29);
    expect(await count('SELECT (COUNT(*) AS ?n) FROM NAMED <https://w3id.org/peacegraph/id/graph/one> WHERE { GRAPH ?g { ?s ?p ?o } }')).to.equal(21);
  });

  it('answers ASK {} after a query that makes the engine trap, and reports the trap', async () => {
    const big = await createServer({ ...OPTIONS, maxQueryBytes: 1024 * 1024 });
    try {
      const trapped = await big.app.inject(post(TRAP));
      expect(trapped.statusCode, trapped.body).to.equal(500);
      expect(trapped.body).to.match(/query engine failed on this query \(memory access out of bounds\); the engine was restarted/);
      await expectAskAnswers(big.app);
      // Both workers, the replaced one included, answer: more queries than workers, all true.
      const answers = await Promise.all(Array.from({ length: 4 }, () => big.app.inject(get('ASK {}'))));
      expect(answers.map((response) => response.statusCode)).to.deep.equal([200, 200, 200, 200]);
    } finally {
      await big.app.close();
    }
  });

  describe('with heavy queries running', () => {
    let busy: FastifyInstance;
    before(async () => {
      ({ app: busy } = await createServer({ ...OPTIONS, maxDepth: 100000, maxQueryBytes: 1024 * 1024, longQueryMs: 300, timeoutMs: 60000 }));
    });
    after(() => busy.close());

    it('answers ASK {} while a 5,000-deep query is parsed (limits raised so it reaches a worker)', async () => {
      let parsed: LightMyRequestResponse | undefined;
      const deepRequest = busy.inject(get(deep(5000))).then((response) => {
        parsed = response;
      });
      await expectAskAnswers(busy);
      expect(parsed, 'the deep query should still be parsing').to.equal(undefined);
      await busy.close();
      await deepRequest;
      ({ app: busy } = await createServer({ ...OPTIONS, longQueryMs: 300, timeoutMs: 60000 }));
    });

    it('keeps a worker for short queries: ASK {} answers beside a heavy query, and a second heavy one is stopped', async () => {
      const responses: Record<string, LightMyRequestResponse> = {};
      const first = busy.inject(get(EXPLODING)).then((response) => {
        responses.first = response;
      });
      const second = await busy.inject(get(EXPLODING));
      expect(second.statusCode, second.body).to.equal(503);
      expect(second.body).to.match(/other query workers are busy with long queries/);
      // At least 2 s, and twice a worker's load time: the stop costs a reload.
      expect(Number(second.headers['retry-after'])).to.be.at.least(2);
      await expectAskAnswers(busy);
      expect(responses.first, 'the first heavy query keeps running').to.equal(undefined);
      await busy.close();
      await first;
      ({ app: busy } = await createServer({ ...OPTIONS, longQueryMs: 300, timeoutMs: 60000 }));
    });
  });

  it('times out a slow query with 503, keeps answering, and refuses the same query at once for a while', async () => {
    const quick = await createServer({ ...OPTIONS, timeoutMs: 500 });
    try {
      const response = await quick.app.inject(get(EXPLODING));
      expect(response.statusCode).to.equal(503);
      expect(response.body).to.match(/timed out after 500 ms/);
      await expectAskAnswers(quick.app);
      const replaced = quick.engine.replacements;
      const again = await quick.app.inject(get(`${EXPLODING}\n`));
      expect(again.statusCode).to.equal(503);
      expect(again.body).to.match(/timed out after 500 ms \(\d+ s ago: the same query is refused for \d+ s more\)/);
      expect(Number(again.headers['retry-after'])).to.be.within(1, 30);
      expect(quick.engine.replacements, 'no worker was stopped for the repeat').to.equal(replaced);
    } finally {
      await quick.app.close();
    }
  });

  describe('Host header and security headers', () => {
    const hosts: Array<[string | undefined, string, string[], boolean]> = [
      ['127.0.0.1:7878', '127.0.0.1', [], true],
      ['localhost:7878', '127.0.0.1', [], true],
      ['[::1]:7878', '127.0.0.1', [], true],
      ['LOCALHOST.', '127.0.0.1', [], true],
      ['evil.example:7878', '127.0.0.1', [], false],
      ['127.0.0.1.evil.example', '127.0.0.1', [], false],
      [undefined, '127.0.0.1', [], false],
      ['graph.example.org', '127.0.0.1', ['graph.example.org'], true],
      ['anything.example', '127.0.0.1', ['*'], true],
      ['10.1.2.3:7878', '0.0.0.0', [], true],
      ['evil.example', '0.0.0.0', [], false],
      ['192.168.1.5', '192.168.1.5', [], true],
      ['localhost', '192.168.1.5', [], false],
    ];
    for (const [header, bound, allowed, expected] of hosts) {
      it(`Host ${header ?? '(none)'} on ${bound}${allowed.length ? ` with ${allowed.join(',')}` : ''}: ${expected ? 'accepted' : 'refused'}`, () =>
        expect(hostAllowed(header, bound, allowed)).to.equal(expected));
    }

    it('refuses a request for another name (DNS rebinding) with 403 and says how to allow it', async () => {
      const response = await app.inject({ ...get('ASK {}'), headers: { host: 'evil.example:7878' } });
      expect(response.statusCode).to.equal(403);
      expect(response.body).to.match(/--allowed-host/);
    });

    for (const [name, request] of [['the page', { method: 'GET', url: '/' }], ['a result', get('ASK {}')], ['an error', get('SELECT')], ['a Host refusal', { method: 'GET', url: '/', headers: { host: 'evil.example' } }]] as Array<[string, InjectOptions]>) {
      it(`sends the security headers with ${name}`, async () => {
        const response = await app.inject(request);
        expect(response.headers).to.include({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
        expect(String(response.headers['content-security-policy'])).to.include("frame-ancestors 'none'");
      });
    }

    it('lets the page load only its own scripts and styles', async () => {
      const directives = String((await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']).split('; ');
      // Everything else (objects, frames, remote fetches) falls under default-src 'none'; the page's own
      // styles are allowed by source, plus the hashes of the viewer's injected style elements.
      expect(directives).to.include.members(["default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]);
      expect(directives.find((directive) => directive.startsWith('style-src '))).to.match(/^style-src 'self'(?: 'sha256-[A-Za-z0-9+/=]+')*$/);
    });
  });

  it('serves the query page and the bundled queries from its own files', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).to.equal(200);
    expect(page.body).to.include('src="/app.js"').and.not.match(/(src|href)="https?:/);
    const queries = (await app.inject({ method: 'GET', url: '/queries' })).json() as Array<{ name: string }>;
    expect(queries.map((query) => query.name)).to.include('people-by-organisation');
  });

  it('stays up under 200 requests, 20 at a time, over loopback', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const statuses: number[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      const responses = await Promise.all(Array.from({ length: 20 }, (_unused, index) => {
        const query = index % 5 === 0 ? 'SELECT WHERE {' : NAMES;
        return fetch(`${address}/sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/sparql-results+json' } });
      }));
      for (const response of responses) {
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    }
    expect(statuses).to.have.length(200);
    expect(statuses.filter((status) => status === 200)).to.have.length(160);
    expect(statuses.filter((status) => status === 400)).to.have.length(40);
  });
});

describe('serve: the evidence files', function () {
  this.timeout(60000);
  /** The fixture quotes "Mission Zhobia" once in its text (test/write/fixture.ts). */
  const QUOTE = 'PREFIX oa: <http://www.w3.org/ns/oa#> SELECT ?quote WHERE { ?s oa:exact ?quote FILTER(?quote = "Mission Zhobia") }';
  let out: string;
  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'peacegraph-serve-evidence-'));
    await writeGraph(out, fixtureQuads(), FIXTURE_BASE);
  });

  const serving = async (choice: 'load' | 'leave'): Promise<FastifyInstance> => {
    return (await createServer({ ...OPTIONS, graph: await resolveGraphFiles(out, choice), workers: 1 })).app;
  };

  it('without --with-evidence, refuses a query that reads evidence and says how to load it', async () => {
    const app = await serving('leave');
    try {
      const response = await app.inject(get(QUOTE));
      expect(response.statusCode).to.equal(400);
      expect(response.body).to.match(/reads evidence .* not loaded: start the server with peacegraph serve --with-evidence/);
      expect((await app.inject(get(NAMES))).statusCode).to.equal(200);
    } finally {
      await app.close();
    }
  });

  it('with --with-evidence, answers it from the quoted text', async () => {
    const app = await serving('load');
    try {
      const response = await app.inject(get(QUOTE));
      expect(response.statusCode, response.body).to.equal(200);
      expect(response.json().results.bindings).to.deep.equal([{ quote: { type: 'literal', value: 'Mission Zhobia' } }]);
    } finally {
      await app.close();
    }
  });
});

describe('serve: answers on its own thread', function () {
  this.timeout(60000);
  let out: string;
  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'peacegraph-serve-inline-'));
    await writeGraph(out, fixtureQuads(), FIXTURE_BASE);
  });

  it('answers a query asked again on the server\'s thread, as its worker did, with --inline-ms', async () => {
    // A generous limit: the fixture's answers are fast enough on any machine.
    const { app, engine } = await createServer({ ...OPTIONS, graph: await resolveGraphFiles(out, 'leave'), workers: 1, maxRows: 100, inlineMs: 60000 });
    try {
      const first = await app.inject(get(NAMES, 'text/csv'));
      expect(first.statusCode, first.body).to.equal(200);
      expect(first.body.split('\r\n').length, 'some names').to.be.greaterThan(3);
      expect(engine.inlineAnswers).to.equal(0);
      const again = await app.inject(get(NAMES, 'text/csv'));
      expect(engine.inlineAnswers).to.equal(1);
      expect(again.body).to.equal(first.body);
      expect(again.headers['content-type']).to.equal(first.headers['content-type']);
    } finally {
      await app.close();
    }
  });

  it('sends every query to a worker with --inline-ms 0', async () => {
    const { app, engine } = await createServer({ ...OPTIONS, graph: await resolveGraphFiles(out, 'leave'), workers: 1, inlineMs: 0 });
    try {
      for (let time = 0; time < 3; time += 1) expect((await app.inject(get(NAMES))).statusCode).to.equal(200);
      expect(engine.inlineAnswers).to.equal(0);
    } finally {
      await app.close();
    }
  });
});
