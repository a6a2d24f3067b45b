/** The bundled queries' text route: parameters bound as the CLI binds them (their paged answers: paging.test.ts). */
import { expect } from 'chai';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/serve/server.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';

describe('serve/bundled', () => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await createServer({ graph: { quads: { path: 'test/fixtures/query/mini.trig', format: 'application/trig' } }, base: DEFAULT_BASE, timeoutMs: 10000, maxRows: 100, maxQueryBytes: 4096 }));
  });
  after(() => app.close());

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
    ['a parameter given twice', '/queries/people-by-organisation?org=x&org=y', 400, /query parameter org must be given once/],
  ];
  for (const [name, url, status, message] of refused) {
    it(`refuses ${name} with ${status}`, async () => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).to.equal(status);
      expect(response.body).to.match(message);
    });
  }
});
