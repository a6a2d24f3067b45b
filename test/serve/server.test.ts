import { expect } from 'chai';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createServer } from '../../src/serve/server.js';
import { negotiate } from '../../src/serve/negotiate.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';

const NAMES = 'SELECT ?n WHERE { ?p a <http://schema.org/Person> ; <http://schema.org/name> ?n } ORDER BY ?n';

describe('serve', () => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await createServer({
      graph: { quads: { path: 'test/fixtures/query/mini.trig', format: 'application/trig' } },
      base: DEFAULT_BASE, timeoutMs: 2000, maxRows: 1, maxQueryBytes: 4096,
    }));
  });
  after(() => app.close());

  it('answers a standard SPARQL client GET with SPARQL results JSON', async () => {
    const response = await app.inject({
      method: 'GET', url: `/sparql?query=${encodeURIComponent('ASK { ?p <http://schema.org/name> "Ana Lima" }')}`,
      headers: { accept: 'application/sparql-results+json' },
    });
    expect(response.statusCode).to.equal(200);
    expect(response.headers['content-type']).to.match(/^application\/sparql-results\+json/);
    expect(response.json()).to.deep.equal({ head: {}, boolean: true });
  });

  it('answers a POST with a query body, cuts at the result cap and says so', async () => {
    const response = await app.inject({
      method: 'POST', url: '/sparql', payload: NAMES,
      headers: { 'content-type': 'application/sparql-query', accept: 'text/csv' },
    });
    expect(response.statusCode).to.equal(200);
    expect(response.body).to.equal('n\r\nAna Lima\r\n');
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

  const refusals: Array<[string, InjectOptions, number, RegExp]> = [
    ['an update in a form', { method: 'POST', url: '/sparql', payload: 'update=DROP%20ALL', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 403, /read-only/],
    ['an update body', { method: 'POST', url: '/sparql', payload: 'DROP ALL', headers: { 'content-type': 'application/sparql-update' } }, 403, /read-only/],
    ['an update sent as a query', { method: 'GET', url: `/sparql?query=${encodeURIComponent('CLEAR DEFAULT')}` }, 403, /read-only/],
    ['a malformed query', { method: 'GET', url: `/sparql?query=${encodeURIComponent('SELECT ?x WHERE {')}` }, 400, /syntax error/],
    ['a missing query', { method: 'GET', url: '/sparql' }, 400, /Missing query/],
    ['a huge query', { method: 'POST', url: '/sparql', payload: `ASK {} #${'x'.repeat(5000)}`, headers: { 'content-type': 'application/sparql-query' } }, 413, /./],
    ['a slow query', { method: 'GET', url: `/sparql?query=${encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?q ?r ?s }')}` }, 503, /timed out/],
  ];
  for (const [name, request, status, message] of refusals) {
    it(`refuses ${name} with HTTP ${status} and a clear message`, async () => {
      const response = await app.inject(request);
      expect(response.statusCode).to.equal(status);
      expect(response.body).to.match(message);
    });
  }

  it('serves the query page and the bundled queries from its own files', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).to.equal(200);
    expect(page.body).to.include('<script src="/app.js">').and.not.match(/(src|href)="https?:/);
    const queries = (await app.inject({ method: 'GET', url: '/queries' })).json() as Array<{ name: string }>;
    expect(queries.map((query) => query.name)).to.include('people-by-organisation');
  });

  it('stays up under 200 requests, 20 at a time, over loopback', async function () {
    this.timeout(60000);
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

  describe('negotiate', () => {
    const cases: Array<[string | undefined, boolean, string]> = [
      [undefined, false, 'json'],
      ['text/html,*/*', false, 'json'],
      ['text/csv;q=0.5, application/sparql-results+xml', false, 'xml'],
      ['text/csv;q=0.9, text/tab-separated-values;q=1', false, 'tsv'],
      ['application/ld+json', true, 'jsonld'],
      ['application/sparql-results+json', true, 'turtle'],
    ];
    for (const [accept, isGraph, expected] of cases) {
      it(`${accept ?? '(none)'} for a ${isGraph ? 'graph' : 'table'} -> ${expected}`, () => expect(negotiate(accept, isGraph)).to.equal(expected));
    }
  });
});
