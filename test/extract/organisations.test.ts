import { expect } from 'chai';
import fc from 'fast-check';
import { boundedEditDistance } from '../../src/extract/organisations.js';

/** The textbook Levenshtein distance, to check the banded one against. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_unused, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

describe('extract/organisations', () => {
  describe('boundedEditDistance', () => {
    const cases: Array<[string, string, number]> = [
      ['united nations office', 'united nations office', 0],
      ['united national office', 'united nations office', 2],
      ['unitar', 'unitr', 1],
      ['', 'ab', 2],
      ['', 'abc', 3],
      ['geneva peacebuilding platform', 'geneva internet platform', 3],
      ['abcdef', 'badcfe', 3],
    ];
    for (const [a, b, expected] of cases) {
      it(`${JSON.stringify(a)} ~ ${JSON.stringify(b)}: ${expected}`, () => {
        expect(boundedEditDistance(a, b)).to.equal(expected);
        expect(boundedEditDistance(b, a)).to.equal(expected);
      });
    }

    it('is the edit distance when it is 2 or less, and 3 otherwise', () => {
      const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 12 });
      fc.assert(fc.property(word, word, (a, b) => {
        expect(boundedEditDistance(a, b)).to.equal(Math.min(editDistance(a, b), 3));
      }), { numRuns: 2000 });
    });
  });
});
