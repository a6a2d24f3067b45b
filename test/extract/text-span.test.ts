/** Spans of text: splitting at top-level separators, and overlap questions against many spans. */
import { expect } from 'chai';
import fc from 'fast-check';
import { overlapTest, splitOutsideParentheses, splitSpan, type TextSpan } from '../../src/extract/text-span.js';

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

  const allParts: Array<[string, RegExp, string[]]> = [
    ['a,,b', /,/, ['a', '', 'b']],
    [',a,', /,/, ['', 'a', '']],
    ['x (y, z) w, v', /,/, ['x (y, z) w', ' v']],
    ['a (b (c, d), e), f', /,\s*/, ['a (b (c, d), e)', 'f']],
    ['a), b, c', /,\s*/, ['a)', 'b', 'c']],
    ['(unclosed, a, b', /,\s*/, ['(unclosed, a, b']],
    ['', /,/, ['']],
  ];
  for (const [text, separator, parts] of allParts) {
    it(`splitOutsideParentheses ${JSON.stringify(text)} at ${separator}: empty parts kept`, () => {
      const found = splitOutsideParentheses({ text, start: 2 }, separator);
      expect(found.map((part) => part.text)).to.deep.equal(parts);
      for (const part of found) expect(text.slice(part.start - 2, part.start - 2 + part.text.length)).to.equal(part.text);
    });
  }

  it('splitOutsideParentheses splits as a character-by-character count of parentheses does', () => {
    // The independent check: walk the text, splitting at "," where no parenthesis is open.
    const byHand = (text: string): string[] => {
      const parts = [''];
      let depth = 0;
      for (const character of text) {
        if (character === '(') depth += 1;
        if (character === ')') depth = Math.max(0, depth - 1);
        if (character === ',' && depth === 0) parts.push('');
        else parts[parts.length - 1] += character;
      }
      return parts;
    };
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ',', '(', ')', ' ') }), (text) => {
      expect(splitOutsideParentheses({ text, start: 0 }, /,/).map((part) => part.text)).to.deep.equal(byHand(text));
    }));
  });

  it('overlapTest answers as a scan of every span does', () => {
    const span = fc.record({ start: fc.nat({ max: 200 }), length: fc.nat({ max: 30 }) }).map(({ start, length }): TextSpan => ({ start, text: 'x'.repeat(length) }));
    fc.assert(fc.property(fc.array(span, { maxLength: 40 }), fc.nat({ max: 230 }), fc.nat({ max: 30 }), (spans, start, length) => {
      const end = start + length;
      const scan = spans.some((candidate) => start < candidate.start + candidate.text.length && end > candidate.start);
      expect(overlapTest(spans)(start, end)).to.equal(scan);
    }));
  });
});
