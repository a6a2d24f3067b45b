import { expect } from 'chai';
import { Parser } from 'n3';
import { fromEngineNTriples, nTriplesText } from '../../src/query/engine-graph.js';
import { rowLines } from '../../src/query/result.js';

// Written by hand, with what N-Triples escapes: a language tag, a datatype, a quote, a blank node.
const LINES = [
  '<http://example.org/a> <http://schema.org/name> "Ana \\"Lima\\""@en .',
  '_:b0 <http://schema.org/position> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .',
  '<http://example.org/a> <http://schema.org/knows> _:b0 .',
];

/** Triples as sorted lines, blank node labels aside (each parse labels them afresh). */
const triples = (quads: Parameters<typeof rowLines>[0]): string[] => rowLines(quads).map((line) => line.replace(/_:\S+/g, '_:b'));
const parsed = (text: string): string[] => triples({ kind: 'quads', quads: new Parser({ format: 'N-Triples' }).parse(text) });

describe('query/engine-graph', () => {
  // [case, the text the worker sends, the N-Triples written]
  const cases: Array<[string, string, string]> = [
    ['lines without the last newline (as the worker joins them)', LINES.join('\n'), `${LINES.join('\n')}\n`],
    ['lines with it', `${LINES.join('\n')}\n`, `${LINES.join('\n')}\n`],
    ['no triple', '', ''],
  ];
  for (const [name, text, written] of cases) {
    it(`is written as the text it came as: ${name}`, () => {
      const answer = fromEngineNTriples(text);
      if (answer.kind !== 'quads') throw new Error('a graph');
      expect(nTriplesText(answer)).to.equal(written);
    });
  }

  it('reads the triples as N3 reads them', () => {
    const answer = fromEngineNTriples(LINES.join('\n'));
    expect(triples(answer)).to.deep.equal(parsed(LINES.join('\n')));
    expect(triples(answer)).to.have.length(3);
  });

  it('writes a copy with other triples as those triples', () => {
    const answer = fromEngineNTriples(LINES.join('\n'));
    if (answer.kind !== 'quads') throw new Error('a graph');
    const firstTwo = nTriplesText({ ...answer, quads: answer.quads.slice(0, 2) });
    expect(parsed(firstTwo)).to.deep.equal(parsed(LINES.slice(0, 2).join('\n')));
  });
});
