import { expect } from 'chai';
import { DataFactory, Parser } from 'n3';
import { GraphIndex } from '../../src/eval/graph-index.js';

const { namedNode } = DataFactory;

describe('eval/graph-index', () => {
  const index = new GraphIndex(new Parser({ format: 'TriG' }).parse(`
    @prefix : <x:> .
    :a :name "Zoe", "Ann" ; :alias "Bea" .
    :g1 { :a :name "Zoe" . :b :knows :a . }
    :g2 { :c :knows :a . :a :name "Ann"@en . :d :knows "x:a" . }`));

  it('gives a subject\'s values in the order the file states them, each triple once across named graphs', () => {
    expect(index.objects(namedNode('x:a'), ['x:name']).map((term) => term.value)).to.deep.equal(['Zoe', 'Ann', 'Ann']);
    expect(index.objects(namedNode('x:a'), ['x:alias', 'x:name']).map((term) => term.value)).to.deep.equal(['Bea', 'Zoe', 'Ann', 'Ann']);
  });

  it('tells an IRI from a literal with the same text, and a language-tagged literal from a plain one', () => {
    expect(index.subjects('x:knows', namedNode('x:a')).map((term) => term.value)).to.deep.equal(['x:b', 'x:c']);
    expect(index.objects(namedNode('x:a'), ['x:name']).map((term) => (term.termType === 'Literal' ? term.language : ''))).to.deep.equal(['', '', 'en']);
  });

  it('lists every object of a predicate, and nothing for unknown terms', () => {
    expect(index.objectsOf('x:knows').map((term) => `${term.termType}:${term.value}`)).to.deep.equal(['NamedNode:x:a', 'Literal:x:a']);
    expect(index.objects(namedNode('x:none'), ['x:name'])).to.deep.equal([]);
    expect(index.subjects('x:none', namedNode('x:a'))).to.deep.equal([]);
  });
});
