/** The word-list format, against hand-made expectations, and every list in data/words read with it. */
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { parseWordList, wordList, WORDS_DIR } from '../../src/text/word-lists.js';

describe('text/word-lists', () => {
  const cases: Array<[string, string, Array<[string, number]>]> = [
    ['one entry a line', 'Mr\nMs\n', [['Mr', 1], ['Ms', 2]]],
    ['blank lines and white space around entries left out', '\n  Dr  \n\t\n', [['Dr', 2]]],
    ['a comment line', '# honorifics\nMr', [['Mr', 2]]],
    ['a comment after an entry', 'Prof.   # professor', [['Prof.', 1]]],
    ['"#" inside a word is no comment', 'C#\nF# minor', [['C#', 1], ['F# minor', 2]]],
    ['Windows line ends', 'a\r\nb\r\n', [['a', 1], ['b', 2]]],
    ['tabs inside an entry kept', 'speakers\tspeaker', [['speakers\tspeaker', 1]]],
    ['nothing', '', []],
  ];
  for (const [title, text, expected] of cases) {
    it(`${title}: ${JSON.stringify(text)}`, () => {
      expect(parseWordList(text).map((entry) => [entry.text, entry.line])).to.deep.equal(expected);
    });
  }

  it('a missing list is an error naming its file', () => {
    expect(() => wordList('no-such-list')).to.throw(/data\/words\/no-such-list\.txt/);
  });

  // Independent of the parser: an entry is a line that is neither blank nor a comment line.
  for (const file of readdirSync(WORDS_DIR).filter((name) => name.endsWith('.txt'))) {
    it(`data/words/${file} reads to its non-comment lines`, () => {
      const lines = readFileSync(`${WORDS_DIR}/${file}`, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
      expect(lines).to.not.be.empty;
      expect(wordList(file.replace(/\.txt$/, ''))).to.deep.equal(lines.map((line) => line.replace(/\s+#.*$/, '')));
    });
  }
});
