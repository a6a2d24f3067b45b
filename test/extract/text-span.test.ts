/** Spans of text: splitting at top-level separators, and overlap questions against many spans. */
import { expect } from 'chai';
import fc from 'fast-check';
import { overlapTest, splitSpan, type TextSpan } from '../../src/extract/text-span.js';

describe('extract/text-span', () => {
  const splits: Array<[string, RegExp, string[]]> = [
    ['A, B (C, D), E', /,\s+/, ['A', 'B (C, D)', 'E']],
    ['Head & Lead (X & Y) & Chair', /\s+&\s+/u, ['Head', 'Lead (X & Y)', 'Chair']],
    ['one', /,\s+/, ['one']],
    ['a; b · c', /;\s+|\s+·\s+/u, ['a', 'b', 'c']],
    ['Ünïcode, Ärger', /,\s+(?=\p{Lu})/u, ['Ünïcode', 'Ärger']],
  ];
  for (const [text, separator, parts] of splits) {
    it(`splitSpan ${JSON.stringify(text)} at ${separator}`, () => {
      const found = splitSpan({ text, start: 5 }, separator);
      expect(found.map((part) => part.text)).to.deep.equal(parts);
      for (const part of found) expect(text.slice(part.start - 5, part.start - 5 + part.text.length)).to.equal(part.text);
    });
  }

  it('overlapTest answers as a scan of every span does', () => {
    const span = fc.record({ start: fc.nat({ max: 200 }), length: fc.nat({ max: 30 }) }).map(({ start, length }): TextSpan => ({ start, text: 'x'.repeat(length) }));
    fc.assert(fc.property(fc.array(span, { maxLength: 40 }), fc.nat({ max: 230 }), fc.nat({ max: 30 }), (spans, start, length) => {
      const end = start + length;
      const scan = spans.some((candidate) => start < candidate.start + candidate.text.length && end > candidate.start);
      expect(overlapTest(spans)(start, end)).to.equal(scan);
    }));
  });
});
