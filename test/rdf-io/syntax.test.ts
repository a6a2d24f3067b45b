/** The writers give N3.Writer's bytes, for chosen hard cases and for random graphs. */
import { expect } from 'chai';
import fc from 'fast-check';
import { DataFactory as F, Writer } from 'n3';
import type { Quad, Quad_Graph, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { lineText, statementText, TermEncoder } from '../../src/rdf-io/syntax.js';
import { sortQuads } from '../../src/rdf-io/order.js';
import { graphPrefixes } from '../../src/rdf-io/prefixes.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { hostileString } from '../properties/hostile.js';

const PREFIXES = graphPrefixes(DEFAULT_BASE);
type Format = 'N-Triples' | 'N-Quads' | 'Turtle' | 'TriG';
const FORMATS: readonly Format[] = ['N-Triples', 'N-Quads', 'Turtle', 'TriG'];

/** N3.Writer writes graphs in every format: give it triples where ours drops the graphs. */
function n3Text(quads: readonly Quad[], format: Format): string {
  const writer = new Writer({ format, prefixes: format === 'Turtle' || format === 'TriG' ? PREFIXES : {} });
  const graphs = format === 'N-Quads' || format === 'TriG';
  writer.addQuads(quads.map((quad) => (graphs ? quad : F.quad(quad.subject, quad.predicate, quad.object))));
  let text = '';
  writer.end((error, result: string) => {
    if (error) throw error;
    text = result;
  });
  return text;
}

function ourText(quads: readonly Quad[], format: Format): string {
  const graphs = format === 'N-Quads' || format === 'TriG';
  if (format === 'N-Triples' || format === 'N-Quads') return lineText(quads, new TermEncoder(), graphs);
  const encoder = new TermEncoder(PREFIXES);
  return encoder.prefixBlock() + statementText(quads, encoder, graphs);
}

const id = (local: string) => F.namedNode(`${DEFAULT_BASE}${local}`);
const xsd = (local: string) => F.namedNode(`http://www.w3.org/2001/XMLSchema#${local}`);
const name = F.namedNode('http://schema.org/name');
const graph = id('graph/a');

const CASES: Array<[string, Quad[]]> = [
  ['one triple in the default graph', [F.quad(id('person/ada'), name, F.literal('Ada'))]],
  ['objects of one predicate, predicates of one subject, rdf:type as "a"', [
    F.quad(id('person/ada'), F.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), F.namedNode('http://schema.org/Person')),
    F.quad(id('person/ada'), name, F.literal('Ada')),
    F.quad(id('person/ada'), name, F.literal('Ada Lovelace')),
    F.quad(id('person/bob'), name, F.literal('Bob')),
  ]],
  ['escapes: quotes, backslash, newlines, tab, \\b, \\f, controls, DEL, astral, lone surrogate', [
    F.quad(id('x/a'), name, F.literal('say "hi"\\ \n\r\t\b\f \u0001 \u007f 😀 \ud800 é')),
  ]],
  ['language tags and datatypes, bare where Turtle allows', [
    F.quad(id('x/a'), name, F.literal('Genève', 'fr')),
    F.quad(id('x/a'), F.namedNode('http://schema.org/n'), F.literal('42', xsd('integer'))),
    F.quad(id('x/a'), F.namedNode('http://schema.org/n'), F.literal('4 2', xsd('integer'))),
    F.quad(id('x/a'), F.namedNode('http://schema.org/b'), F.literal('true', xsd('boolean'))),
    F.quad(id('x/a'), F.namedNode('http://schema.org/b'), F.literal('1', xsd('boolean'))),
    F.quad(id('x/a'), F.namedNode('http://schema.org/d'), F.literal('0.50', xsd('decimal'))),
    F.quad(id('x/a'), F.namedNode('http://schema.org/e'), F.literal('1.5e3', xsd('double'))),
    F.quad(id('x/a'), F.namedNode('http://schema.org/startDate'), F.literal('2017-11-06', xsd('date'))),
    F.quad(id('x/a'), F.namedNode('http://schema.org/o'), F.literal('x', F.namedNode('http://example.org/type'))),
  ]],
  ['IRIs that cannot be prefixed names: trailing dot, leading hyphen, slash, empty local name, unknown namespace', [
    F.quad(id('person/ada.'), name, id('person/-ada')),
    F.quad(id('person/a/b'), name, id('person/')),
    F.quad(F.namedNode('http://example.org/x'), name, F.namedNode('urn:isbn:123')),
    F.quad(id('person/a.b-c_d'), name, F.namedNode('http://www.wikidata.org/entity/Q42')),
  ]],
  ['blank nodes', [F.quad(F.blankNode('b0'), name, F.blankNode('b1'))]],
  ['named graphs and the default graph, one after another', [
    F.quad(id('event/a'), name, F.literal('A'), graph),
    F.quad(id('event/a'), name, F.literal('A2'), graph),
    F.quad(id('event/b'), name, F.literal('B'), id('graph/b')),
    F.quad(id('event/c'), name, F.literal('C')),
  ]],
  ['nothing', []],
];

describe('rdf-io/syntax', () => {
  for (const [title, quads] of CASES) {
    for (const format of FORMATS) {
      it(`${title}: ${format} as N3.Writer writes it`, () => {
        const sorted = sortQuads(quads);
        expect(ourText(sorted, format)).to.equal(n3Text(sorted, format));
      });
    }
  }

  it('writes random graphs as N3.Writer does, in every format', () => {
    const iri = fc.tuple(fc.constantFrom('person/', 'event/', 'evidence/', 'graph/', 'nowhere/'), fc.string({ unit: fc.constantFrom('a', 'B', '0', '.', '-', '_', '/', '%', 'é'), maxLength: 6 }))
      .map(([kind, local]) => id(`${kind}${local}`));
    const literal = fc.oneof(
      hostileString(4).map((text) => F.literal(text)),
      fc.tuple(hostileString(2), fc.constantFrom('en', 'fr-CH')).map(([text, language]) => F.literal(text, language)),
      fc.tuple(fc.constantFrom('1', '-2', '0.5', 'true', '1e3', 'x'), fc.constantFrom('integer', 'decimal', 'boolean', 'double', 'date')).map(([text, type]) => F.literal(text, xsd(type))),
    );
    const quad = fc.tuple(iri, iri, fc.oneof(iri, literal), fc.oneof(fc.constant(F.defaultGraph()), iri))
      .map(([subject, predicate, object, inGraph]) => F.quad(subject as Quad_Subject, predicate, object as Quad_Object, inGraph as Quad_Graph));
    fc.assert(fc.property(fc.array(quad, { maxLength: 30 }), (quads) => {
      const sorted = sortQuads(quads);
      for (const format of FORMATS) expect(ourText(sorted, format), format).to.equal(n3Text(sorted, format));
    }), { numRuns: 300 });
  });
});
