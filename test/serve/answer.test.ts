import { expect } from 'chai';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { parseRdfXml } from '../rdf-io/rdfxml-reader.js';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/serve/server.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { isomorphic } from '../write/isomorphic.js';

const SELECT = 'SELECT ?n WHERE { ?p a <http://schema.org/Person> ; <http://schema.org/name> ?n } ORDER BY ?n';
const CONSTRUCT = 'CONSTRUCT { ?p <http://schema.org/name> ?n ; <http://schema.org/affiliation> ?o } WHERE { ?p <http://schema.org/name> ?n ; <http://schema.org/affiliation> ?o }';

describe('serve/answer: SPARQL 1.1 Protocol content negotiation', () => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await createServer({ graph: { quads: { path: 'test/fixtures/query/mini.trig', format: 'application/trig' } }, base: DEFAULT_BASE, timeoutMs: 10000, maxRows: 100, maxQueryBytes: 4096 }));
  });
  after(() => app.close());
  const ask = (query: string, accept: string, origin?: string) => app.inject({
    method: 'GET', url: `/sparql?query=${encodeURIComponent(query)}`, headers: { accept, ...(origin ? { origin } : {}) },
  });

  const refused: Array<[string, string, string]> = [
    ['Turtle for a SELECT', SELECT, 'text/turtle'],
    ['RDF/XML for a SELECT', SELECT, 'application/rdf+xml'],
    ['SPARQL results JSON for a CONSTRUCT', CONSTRUCT, 'application/sparql-results+json'],
    ['CSV for a CONSTRUCT', CONSTRUCT, 'text/csv'],
    ['an image for an ASK', 'ASK {}', 'image/png'],
  ];
  for (const [name, query, accept] of refused) {
    it(`answers 406 Not Acceptable to ${name}, naming the offered types`, async () => {
      const response = await ask(query, accept);
      expect(response.statusCode).to.equal(406);
      expect(response.body).to.match(/^Not Acceptable/).and.match(query === CONSTRUCT ? /text\/turtle/ : /application\/sparql-results\+json/);
      expect(response.headers.vary).to.match(/Accept/);
    });
  }

  it('answers 406 to RDF/XML for a graph that RDF/XML cannot write, saying why', async () => {
    const response = await ask('CONSTRUCT { ?p <https://example.org/rank/1> ?n } WHERE { ?p <http://schema.org/name> ?n }', 'application/rdf+xml');
    expect(response.statusCode).to.equal(406);
    expect(response.body).to.match(/predicate <https:\/\/example.org\/rank\/1>/).and.match(/text\/turtle/);
  });

  it('lets a cross-origin client read a 406 (CORS headers on errors too)', async () => {
    const response = await ask(SELECT, 'text/turtle', 'https://notebook.example');
    expect(response.statusCode).to.equal(406);
    expect(response.headers['access-control-allow-origin']).to.equal('*');
  });

  it('serves one CONSTRUCT result as Turtle, N-Triples, N-Quads and RDF/XML that parse to the same graph', async () => {
    const turtle = await ask(CONSTRUCT, 'text/turtle');
    expect(turtle.headers['content-type']).to.match(/^text\/turtle/);
    const expected = new Parser().parse(turtle.body);
    expect(expected).to.have.length(4);
    const parsers: Array<[string, (text: string) => Promise<Quad[]>]> = [
      ['application/n-triples', async (text) => new Parser({ format: 'application/n-triples' }).parse(text)],
      ['application/n-quads', async (text) => new Parser({ format: 'application/n-quads' }).parse(text)],
      ['application/rdf+xml', parseRdfXml],
    ];
    for (const [type, parse] of parsers) {
      const response = await ask(CONSTRUCT, type);
      expect(response.statusCode, type).to.equal(200);
      expect(response.headers['content-type'], type).to.match(new RegExp(`^${type.replace('+', '\\+')}`));
      expect(isomorphic(await parse(response.body), expected), type).to.equal(true);
    }
  });
});
