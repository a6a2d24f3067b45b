import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { Parser, Store } from 'n3';
import jsonld from 'jsonld';
import { parseRdfXml } from '../rdf-io/rdfxml-reader.js';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/serve/server.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { isomorphic, union } from '../write/isomorphic.js';

const FIXTURE = 'test/fixtures/query/mini.trig';
const SD = 'http://www.w3.org/ns/sparql-service-description#';
const VOID = 'http://rdfs.org/ns/void#';
const FORMATS = 'http://www.w3.org/ns/formats/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

describe('serve/service-description: GET /sparql without a query', () => {
  let app: FastifyInstance;
  let description: Store;
  before(async () => {
    ({ app } = await createServer({ graph: { quads: { path: FIXTURE, format: 'application/trig' } }, base: DEFAULT_BASE, timeoutMs: 10000, maxRows: 100, maxQueryBytes: 4096, allowedHosts: ['sparql.test'] }));
    const response = await app.inject({ method: 'GET', url: '/sparql', headers: { accept: 'text/turtle', host: 'sparql.test:7878' } });
    expect(response.statusCode).to.equal(200);
    expect(response.headers['content-type']).to.match(/^text\/turtle/);
    description = new Store(new Parser().parse(response.body));
  });
  after(() => app.close());

  const objects = (subject: string, predicate: string) => description.getObjects(subject, predicate, null).map((term) => term.value);
  const endpoint = 'http://sparql.test:7878/sparql';

  it('describes an sd:Service at its own endpoint IRI, for SPARQL 1.1 Query', () => {
    expect(objects(endpoint, RDF_TYPE)).to.deep.equal([`${SD}Service`]);
    expect(objects(endpoint, `${SD}endpoint`)).to.deep.equal([endpoint]);
    expect(objects(endpoint, `${SD}supportedLanguage`)).to.deep.equal([`${SD}SPARQL11Query`]);
    expect(objects(endpoint, `${SD}feature`)).to.deep.equal([`${SD}UnionDefaultGraph`]);
  });

  it('lists the result formats the endpoint negotiates', () => {
    expect(objects(endpoint, `${SD}resultFormat`)).to.have.members(['SPARQL_Results_JSON', 'SPARQL_Results_XML', 'SPARQL_Results_CSV',
      'SPARQL_Results_TSV', 'Turtle', 'N-Triples', 'N-Quads', 'JSON-LD', 'RDF_XML'].map((name) => `${FORMATS}${name}`));
  });

  it('gives VoID counts of the default graph that match the data counted independently', async () => {
    const data = new Store(union(new Parser({ format: 'application/trig' }).parse(await readFile(FIXTURE, 'utf8'))));
    const [dataset] = description.getObjects(endpoint, `${SD}defaultDataset`, null);
    expect(description.getObjects(dataset!, RDF_TYPE, null).map((term) => term.value)).to.deep.equal([`${SD}Dataset`]);
    const [graph] = description.getObjects(dataset!, `${SD}defaultGraph`, null);
    const count = (name: string) => Number(description.getObjects(graph!, `${VOID}${name}`, null)[0]?.value);
    const quads = data.getQuads(null, null, null, null);
    expect(description.getObjects(graph!, RDF_TYPE, null).map((term) => term.value)).to.include.members([`${SD}Graph`, `${VOID}Dataset`]);
    expect(count('triples')).to.equal(data.size);
    expect(count('distinctSubjects')).to.equal(new Set(quads.map((quad) => quad.subject.value)).size);
    expect(count('distinctObjects')).to.equal(new Set(quads.map((quad) => `${quad.object.termType}${quad.object.value}`)).size);
    expect(count('properties')).to.equal(new Set(quads.map((quad) => quad.predicate.value)).size);
    expect(count('classes')).to.equal(new Set(data.getObjects(null, RDF_TYPE, null).map((term) => term.value)).size);
  });

  it('negotiates the same description as JSON-LD and RDF/XML', async () => {
    const turtle = description.getQuads(null, null, null, null);
    const ld = await app.inject({ method: 'GET', url: '/sparql', headers: { accept: 'application/ld+json', host: 'sparql.test:7878' } });
    expect(ld.headers['content-type']).to.match(/^application\/ld\+json/);
    const fromJsonLd = new Parser({ format: 'application/n-quads' }).parse(await jsonld.toRDF(ld.json(), { format: 'application/n-quads' }) as unknown as string);
    expect(isomorphic(fromJsonLd, turtle)).to.equal(true);
    const xml = await app.inject({ method: 'GET', url: '/sparql', headers: { accept: 'application/rdf+xml', host: 'sparql.test:7878' } });
    expect(isomorphic(await parseRdfXml(xml.body), turtle)).to.equal(true);
  });

  it('answers a client that only takes SPARQL results with 406', async () => {
    const response = await app.inject({ method: 'GET', url: '/sparql', headers: { accept: 'application/sparql-results+json' } });
    expect(response.statusCode).to.equal(406);
    expect(response.body).to.match(/text\/turtle/);
  });
});
