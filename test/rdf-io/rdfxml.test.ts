import { expect } from 'chai';
import { DataFactory, Parser } from 'n3';
import { parseRdfXml } from './rdfxml-reader.js';
import type { Quad } from '@rdfjs/types';
import { RdfXmlError, toRdfXml } from '../../src/rdf-io/rdfxml.js';
import { isomorphic } from '../write/isomorphic.js';

const turtle = (text: string): Quad[] => new Parser().parse(text);

describe('rdf-io/rdfxml', () => {
  const graphs: Array<[string, string]> = [
    ['plain, typed and language-tagged literals', `
      @prefix schema: <http://schema.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      <https://e.org/p/1> a schema:Person ; schema:name "Ana Lima", "Ana"@pt-BR ; schema:birthDate "1970-01-02"^^xsd:date .`],
    ['markup, quotes and line breaks in text and IRIs', `
      <https://e.org/a?x=1&y=%222%22> <https://e.org/v#note> "a < b & c > d \\"quoted\\"\\n\\ttab\\r\\nend" .`],
    ['blank nodes as subjects and objects', `
      <https://e.org/s> <https://e.org/v#target> _:t . _:t <https://e.org/v#source> _:src ; <https://e.org/v#exact> "quote" .
      _:src <https://e.org/v#name> "report" .`],
    ['namespaces without a prefix, ending in / and #', `
      <https://e.org/s> <https://one.example/terms/knows> <https://e.org/o> ; <https://two.example/v#knows> <https://e.org/o> .`],
    ['predicates whose local name holds dots and dashes', `
      <https://e.org/s> <https://e.org/v#has-part.one> "x" .`],
    ['no triples', ''],
  ];
  for (const [name, text] of graphs) {
    it(`writes ${name} that a parser reads back as the same graph`, async () => {
      const quads = turtle(text);
      const written = toRdfXml(quads, { schema: 'http://schema.org/' });
      expect(isomorphic(await parseRdfXml(written), quads)).to.equal(true);
    });
  }

  it('uses the given prefixes for their namespaces', () => {
    const written = toRdfXml(turtle('<https://e.org/s> <http://schema.org/name> "n" .'), { schema: 'http://schema.org/' });
    expect(written).to.include('xmlns:schema="http://schema.org/"').and.include('<schema:name>n</schema:name>');
  });

  const refused: Array<[string, Quad, RegExp]> = [
    ['a predicate ending in digits', DataFactory.quad(DataFactory.namedNode('https://e.org/s'), DataFactory.namedNode('https://e.org/p/123'), DataFactory.literal('x')), /predicate <https:\/\/e.org\/p\/123>/],
    ['a literal with a control character', DataFactory.quad(DataFactory.namedNode('https://e.org/s'), DataFactory.namedNode('https://e.org/v#p'), DataFactory.literal('bell\u0007')), /control character/],
  ];
  for (const [name, quad, message] of refused) {
    it(`refuses ${name} with a clear error`, () => {
      expect(() => toRdfXml([quad])).to.throw(RdfXmlError, message);
    });
  }
});
