/** What can be a person's name, with hand-picked names and non-names. */
import { expect } from 'chai';
import { isPlausibleName, isTitleWord } from '../../src/text/name-words.js';

describe('text/name-words', () => {
  const titles: Array<[string, boolean]> = [
    ['Director', true], ['director', true], ['Vice-Director', true], ['Co-Chair', true], ['Smith', false], ['Directorate', false],
  ];
  for (const [word, expected] of titles) it(`isTitleWord ${word}: ${expected}`, () => expect(isTitleWord(word)).to.equal(expected));

  const names: Array<[string, boolean]> = [
    ['Einar Bjorgo', true],
    ['Jean-Marie le Goff', true],
    ['Einar', false],
    ['Director General', false],
    ['Geneva Institute', false],
    ['Nordic Foundation', false],
    ['Ana Smith-Institute', false],
    ['Ana Institutes', true],
  ];
  for (const [name, expected] of names) it(`isPlausibleName ${JSON.stringify(name)}: ${expected}`, () => expect(isPlausibleName(name)).to.equal(expected));
});
