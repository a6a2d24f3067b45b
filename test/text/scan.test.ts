/** Scanning with a global pattern: hand-made cases, and String.prototype.matchAll as the independent check. */
import { expect } from 'chai';
import fc from 'fast-check';
import { matchesOf } from '../../src/text/scan.js';

const found = (pattern: RegExp, text: string, from?: number, to?: number): string[] =>
  [...matchesOf(pattern, text, from, to)].map((match) => `${match.index}:${match[0]}`);

describe('text/scan', () => {
  const cases: Array<[string, RegExp, string, number | undefined, number | undefined, string[]]> = [
    ['every match, in order', /\d+/g, 'a1 b22 c333', undefined, undefined, ['1:1', '4:22', '8:333']],
    ['from an offset', /\d+/g, 'a1 b22 c333', 3, undefined, ['4:22', '8:333']],
    ['from inside a match: the rest of it', /\d+/g, 'a1 b22 c333', 9, undefined, ['9:33']],
    ['up to an end: a match stops there', /\d+/g, 'a1 b22 c333', 0, 9, ['1:1', '4:22', '8:3']],
    ['a look-ahead sees the end at `to`', /\w+(?=$)/g, 'one two three', 0, 7, ['4:two']],
    ['an empty match moves on one character', /x*/g, 'axb', undefined, undefined, ['0:', '1:x', '2:', '3:']],
    ['an empty match moves past a whole astral character', /(?:)/gu, 'a😀', undefined, undefined, ['0:', '1:', '3:']],
    ['no match', /z/g, 'abc', undefined, undefined, []],
  ];
  for (const [title, pattern, text, from, to, expected] of cases) {
    it(`${title}: ${pattern} in ${JSON.stringify(text)}`, () => expect(found(pattern, text, from, to)).to.deep.equal(expected));
  }

  it('finds what matchAll finds in text[0, to)', () => {
    const patterns = [/[ab]+/g, /\b\w/g, /a(?=b)/g, /b*/g, /(?<=a)b|c$/g];
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ') }), fc.nat(), fc.constantFrom(...patterns), (text, cut, pattern) => {
      const to = cut % (text.length + 1);
      const expected = [...text.slice(0, to).matchAll(pattern)].map((match) => `${match.index}:${match[0]}`);
      expect(found(pattern, text, 0, to)).to.deep.equal(expected);
    }));
  });

  it('the same pattern may be scanned again inside the loop', () => {
    const word = /\w+/g;
    const pairs: string[] = [];
    for (const outer of matchesOf(word, 'a b')) for (const inner of matchesOf(word, 'x y')) pairs.push(outer[0] + inner[0]);
    expect(pairs).to.deep.equal(['ax', 'ay', 'bx', 'by']);
  });

  it('leaves the pattern at lastIndex 0, whether the scan ends or is left', () => {
    const digits = /\d/g;
    for (const match of matchesOf(digits, 'a1b2')) if (match[0] === '1') break;
    expect(digits.lastIndex).to.equal(0);
    [...matchesOf(digits, 'a1b2', 0, 3)];
    expect(digits.lastIndex).to.equal(0);
  });

  it('a pattern that is not global is refused', () => {
    expect(() => [...matchesOf(/a/, 'a')]).to.throw(/global/);
  });
});
