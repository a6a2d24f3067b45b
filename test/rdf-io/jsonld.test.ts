import { expect } from 'chai';
import jsonld from 'jsonld';
import type { JsonLdDocument } from 'jsonld';
import { DataFactory, Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { jsonLdErrorMessage, loadContext, offlineDocumentLoader, toJsonLd, type JsonLdContext } from '../../src/rdf-io/jsonld.js';
import { NS } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';
import { fixtureQuads } from '../write/fixture.js';
import { canonical, union } from '../write/isomorphic.js';

const offline = { documentLoader: async (url: string) => offlineDocumentLoader(url) };

/** JSON-LD text -> quads, with the jsonld library (the reference implementation of expansion). */
async function jsonLdQuads(text: string): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(JSON.parse(text) as JsonLdDocument, { format: 'application/n-quads', ...offline })) as unknown as string;
  return new Parser({ format: 'application/n-quads' }).parse(nquads);
}

const { namedNode, literal, blankNode, quad } = DataFactory;
const ex = (name: string) => namedNode(`https://example.org/id/x/${name}`);
const schema = (name: string) => namedNode(`${NS.schema}${name}`);
const xsd = (name: string) => namedNode(`${NS.xsd}${name}`);

describe('rdf-io/jsonld', () => {
  let context: JsonLdContext;
  before(async () => {
    context = await loadContext(BUNDLED.context);
  });

  it('round-trips the fixture graph: the compacted JSON-LD expands to the same triples', async () => {
    const quads = fixtureQuads();
    expect(canonical(await jsonLdQuads(toJsonLd(quads, context)))).to.equal(canonical(union(quads)));
  });

  // Values the context's terms do not fit must fall back to compact IRIs or value objects, never be lost or retyped.
  const edgeCases: Array<[string, Quad[]]> = [
    ['language-tagged strings under a language-map term', [
      quad(ex('a'), namedNode(`${NS.skos}prefLabel`), literal('Paix', 'fr')),
      quad(ex('a'), namedNode(`${NS.skos}prefLabel`), literal('Peace', 'en')),
      quad(ex('a'), namedNode(`${NS.skos}prefLabel`), literal('Peace building', 'en')),
    ]],
    ['a plain string mixed with tagged ones under a language-map term', [
      quad(ex('a'), namedNode(`${NS.skos}prefLabel`), literal('Peace', 'en')),
      quad(ex('a'), namedNode(`${NS.skos}prefLabel`), literal('Peace')),
    ]],
    ['a date that is not xsd:date under a date term', [
      quad(ex('e'), schema('startDate'), literal('2017', xsd('gYear'))),
      quad(ex('e'), schema('startDate'), literal('2017-11-06', xsd('date'))),
    ]],
    ['a literal under a node-reference term and an IRI under an untyped term', [
      quad(ex('p'), schema('affiliation'), literal('DiploFoundation')),
      quad(ex('p'), schema('name'), ex('name-node')),
    ]],
    ['typed and language-tagged literals under an untyped term', [
      quad(ex('p'), schema('name'), literal('42', xsd('integer'))),
      quad(ex('p'), schema('name'), literal('Ada', 'en-GB')),
    ]],
    ['blank nodes as subject and object', [
      quad(blankNode('b1'), schema('name'), literal('anonymous')),
      quad(ex('e'), schema('location'), blankNode('b1')),
    ]],
    ['predicates and types without a term, IRIs without a prefix', [
      quad(namedNode('urn:x:1'), namedNode('https://other.example/vocab#p'), namedNode('https://other.example/thing')),
      quad(namedNode('urn:x:1'), namedNode(`${NS.rdf}type`), namedNode('https://other.example/vocab#Class')),
      quad(namedNode('urn:x:1'), namedNode(`${NS.rdf}type`), namedNode(`${NS.pg}Person`)),
    ]],
    ['a literal rdf:type and strings that look like JSON-LD keywords', [
      quad(ex('t'), namedNode(`${NS.rdf}type`), literal('not a class')),
      quad(ex('t'), schema('name'), literal('@id')),
      quad(ex('t'), schema('description'), literal('"quoted" \\ back\nline \u2028 and </script>')),
    ]],
  ];
  for (const [title, quads] of edgeCases) {
    it(`round-trips ${title}`, async () => {
      expect(canonical(await jsonLdQuads(toJsonLd(quads, context)))).to.equal(canonical(quads));
    });
  }

  it('is compacted with the context embedded inline: terms for known properties, one node per subject', () => {
    const document = JSON.parse(toJsonLd(fixtureQuads(), context)) as { '@context': unknown; '@graph': Array<Record<string, unknown>> };
    expect(document['@context']).to.deep.equal(context);
    const ids = document['@graph'].map((node) => node.id);
    expect(new Set(ids).size).to.equal(ids.length);
    const person = document['@graph'].find((node) => node.id === 'https://example.org/id/person/einar-bjorgo');
    expect(person).to.include({ name: 'Einar Bjorgo', honorificPrefix: 'Mr', affiliation: 'https://example.org/id/org/unosat' });
    expect(person?.type).to.have.members(['pg:Person', 'schema:Person']);
    const event = document['@graph'].find((node) => node.id === 'https://example.org/id/event/geneva-peace-week-2017');
    // schema:startDate takes xsd:date or xsd:dateTime, so the context leaves the datatype to each value.
    expect(event).to.deep.include({ startDate: { '@value': '2017-11-06', type: 'xsd:date' }, endDate: { '@value': '2017-11-10', type: 'xsd:date' } });
  });

  it('gives the same graph as jsonld.fromRDF + jsonld.compact', async () => {
    const quads = union(fixtureQuads());
    const expanded = await jsonld.fromRDF(quads as unknown as Parameters<typeof jsonld.fromRDF>[0], { useNativeTypes: false });
    const library = await jsonld.compact(expanded, context as jsonld.ContextDefinition, offline);
    const [ours, theirs] = await Promise.all([jsonLdQuads(toJsonLd(quads, context)), jsonLdQuads(JSON.stringify(library))]);
    expect(canonical(ours)).to.equal(canonical(theirs));
  });

  const unsupported: Array<[string, JsonLdContext]> = [
    ['@vocab', { '@vocab': 'http://schema.org/' }],
    ['@base', { '@base': 'https://example.org/' }],
    ['a list container', { knows: { '@id': 'http://schema.org/knows', '@container': '@list' } }],
    ['a reverse property', { isKnownBy: { '@reverse': 'http://schema.org/knows' } }],
  ];
  for (const [title, extra] of unsupported) {
    it(`refuses a context with ${title} instead of writing a wrong graph`, () => {
      expect(() => toJsonLd(fixtureQuads(), { ...context, ...extra })).to.throw(/JSON-LD context: .* not support/);
    });
  }

  it('is deterministic whatever the input order', () => {
    const quads = fixtureQuads();
    expect(toJsonLd([...quads].reverse(), context)).to.equal(toJsonLd(quads, context));
  });

  it('never fetches: a document with a remote @context is refused with the URL in the message', async () => {
    const document = { '@context': 'https://schema.org/', name: 'x' };
    let failure: unknown;
    try {
      await jsonld.expand(document, offline);
    } catch (error) {
      failure = error;
    }
    expect(jsonLdErrorMessage(failure)).to.match(/refusing to fetch remote context https:\/\/schema\.org\//);
  });
});
