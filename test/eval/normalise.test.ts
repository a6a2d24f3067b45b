import { expect } from 'chai';
import { casefold, normaliseName } from '../../src/eval/normalise.js';

describe('eval/normalise', () => {
  const names: ReadonlyArray<readonly [string, string, string]> = [
    ['honorifics stripped repeatedly', 'Prof. Dr. ANNA MÜLLER', 'anna müller'],
    ['honorifics of any case, with or without a dot', 'Ambassador amb. Lee', 'lee'],
    ['"H.E." loses its dots first and then is no honorific', 'H.E. Mr. Ivo Petrov', 'h e mr ivo petrov'],
    ['a leading "the" goes after the honorifics', 'The Mrs. Smith', 'mrs smith'],
    ['an honorific alone stays', 'Dr.', 'dr'],
    ['hyphens and en dashes are kept, other punctuation becomes a space', 'Jean–Luc O’Neil—Roy', 'jean-luc o neil roy'],
    ['NFKC: ligatures and full-width letters', 'Ｍｓ ﬁona', 'fiona'],
    ['diacritics are kept, whitespace collapsed', '  Hon.\u00a0Ms  Ní   Bhriain ', 'ní bhriain'],
    ['"he" at the front is taken for H.E. (as score.py does)', 'he said', 'said'],
  ];
  for (const [what, input, expected] of names) {
    it(`${what}: ${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => {
      expect(normaliseName(input)).to.equal(expected);
    });
  }

  const folds: ReadonlyArray<readonly [string, string]> = [
    ['Straße', 'strasse'], ['ẞ', 'ss'], ['ΣΑΣ', 'σασ'], ['ı', 'ı'], ['İ', 'i\u0307'], ['Ꭰꭰ', 'ᎠᎠ'], ['ǅ', 'ǆ'],
  ];
  for (const [input, expected] of folds) {
    it(`casefold(${JSON.stringify(input)}) is Python's ${JSON.stringify(expected)}`, () => {
      expect(casefold(input)).to.equal(expected);
    });
  }
});
