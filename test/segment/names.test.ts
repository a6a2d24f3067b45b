import { expect } from 'chai';
import { isNameLine } from '../../src/segment/names.js';

describe('segment/names isNameLine', () => {
  const cases: Array<[string, boolean]> = [
    ['Barbara Rosen Jacobson', true],
    ['Jean-Marie le Goff', true],
    ['Renée Larivière', true],
    ['Guilherme Cooper Vicente', true],
    ['Seán O’Brien', true],
    ['Geneva Peace Week', false],
    ['Event Report', false],
    ['UNITAR', false],
    ['Geneva, Switzerland', false],
    ['The panel discussed early warning.', false],
    ['Smith', false],
  ];
  for (const [line, expected] of cases) {
    it(`${expected ? 'accepts' : 'rejects'} "${line}"`, () => expect(isNameLine(line)).to.equal(expected));
  }
});
