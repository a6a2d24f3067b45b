import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/serve/server.js';
import { PAGE_CSP } from '../../src/serve/page.js';
import { DEFAULT_BASE, NS } from '../../src/rdf/namespaces.js';

describe('serve/page', () => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await createServer({ graph: { quads: { path: 'test/fixtures/query/mini.trig', format: 'application/trig' } }, base: DEFAULT_BASE, timeoutMs: 10000, maxRows: 100, maxQueryBytes: 4096 }));
  });
  after(() => app.close());

  it('serves the page with its Content-Security-Policy and nothing from another site', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-security-policy']).to.equal(PAGE_CSP);
    expect(PAGE_CSP).to.match(/script-src 'self'(;|$)/).and.not.match(/unsafe-(inline|eval)|https?:/);
    expect(page.body).to.not.match(/(src|href)="(https?:)?\/\//);
    for (const [, path] of page.body.matchAll(/(?:src|href)="(\/[^"]*)"/g)) {
      expect((await app.inject({ method: 'GET', url: path! })).statusCode, path).to.equal(200);
    }
  });

  const vendor: Array<[string, string, RegExp]> = [
    ['/vendor/yasqe.min.js', '@zazuko/yasqe/build/yasqe.min.js', /^text\/javascript/],
    ['/vendor/yasr.min.css', '@zazuko/yasr/build/yasr.min.css', /^text\/css/],
  ];
  for (const [url, module, type] of vendor) {
    it(`serves ${url} byte for byte from the installed package`, async () => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers['content-type']).to.match(type);
      expect(response.body).to.equal(await readFile(createRequire(import.meta.url).resolve(module), 'utf8'));
    });
  }

  it('gives the editor the graph\'s prefixes', async () => {
    const prefixes = (await app.inject({ method: 'GET', url: '/prefixes' })).json() as Record<string, string>;
    expect(prefixes).to.include({ schema: NS.schema, pg: NS.pg, org: NS.org, oa: NS.oa, skos: NS.skos, person: `${DEFAULT_BASE}person/` });
  });

  it('binds a bundled query\'s parameter as the CLI does, to a query the endpoint answers', async () => {
    const bound = await app.inject({ method: 'GET', url: '/queries/people-by-organisation?org=ICRC' });
    expect(bound.statusCode).to.equal(200);
    expect(bound.headers['content-type']).to.match(/^application\/sparql-query/);
    expect(bound.body).to.match(/VALUES \?org \{\s*"ICRC"\s*\}/);
    const answer = await app.inject({ method: 'POST', url: '/sparql', payload: bound.body, headers: { 'content-type': 'application/sparql-query', accept: 'text/csv' } });
    // mini.trig: Omar Diallo is the one member of the ICRC, with no job title.
    expect(answer.body).to.equal('organisation,person,jobTitle\r\nInternational Committee of the Red Cross,Omar Diallo,\r\n');
  });

  it('leaves an empty parameter unset: the original query text', async () => {
    const unbound = await app.inject({ method: 'GET', url: '/queries/people-by-organisation?org=' });
    const listed = (await app.inject({ method: 'GET', url: '/queries' })).json() as Array<{ name: string; text: string }>;
    expect(unbound.body).to.equal(listed.find((query) => query.name === 'people-by-organisation')!.text);
  });

  const refused: Array<[string, string, number, RegExp]> = [
    ['an unknown query', '/queries/no-such-query', 404, /No bundled query no-such-query/],
    ['an unknown parameter', '/queries/people-by-organisation?person=x', 400, /has no parameter person/],
    ['a parameter given twice', '/queries/people-by-organisation?org=x&org=y', 400, /Give parameter org once/],
  ];
  for (const [name, url, status, message] of refused) {
    it(`refuses ${name} with ${status}`, async () => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).to.equal(status);
      expect(response.body).to.match(message);
    });
  }
});
