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
});
