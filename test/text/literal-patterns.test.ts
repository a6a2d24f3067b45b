/** Literal patterns: what they match, against hand-made expectations. */
import { expect } from 'chai';
import { literalAlternation, literalPattern, wholeWords, type LiteralOptions } from '../../src/text/literal-patterns.js';

const matched = (source: string, text: string): string | undefined => new RegExp(source, 'u').exec(text)?.[0];

describe('text/literal-patterns', () => {
  const patterns: Array<[string, LiteralOptions, string, string | undefined]> = [
    ['C++ (Lab)', {}, 'the C++ (Lab) x', 'C++ (Lab)'],
    ['a.b', {}, 'axb', undefined],
    ['$5 [x]', {}, 'pay $5 [x]', '$5 [x]'],
    ['Geneva Call', {}, 'Geneva\n Call', undefined],
    ['Geneva Call', { flexibleSpaces: true }, 'Geneva\n Call', 'Geneva\n Call'],
    ["People's Forum", {}, 'People’s Forum', undefined],
    ["People's Forum", { anyApostrophe: true }, 'People’s Forum', 'People’s Forum'],
    ['People’s  Forum', { anyApostrophe: true, flexibleSpaces: true }, "People's Forum", "People's Forum"],
  ];
  for (const [entry, options, text, expected] of patterns) {
    it(`literalPattern ${JSON.stringify(entry)} ${JSON.stringify(options)} in ${JSON.stringify(text)}`, () => {
      expect(matched(literalPattern(entry, options), text)).to.equal(expected);
    });
  }

  const alternations: Array<[string[], string, string | undefined]> = [
    [['Chair', 'Co-Chair'], 'Co-Chair', 'Co-Chair'],
    [['Dr', 'Dr.'], 'Dr. Ada', 'Dr.'],
    [['Event report', 'Event reports/s:'], 'Event reports/s: x', 'Event reports/s:'],
    [['a|b'], 'b', undefined],
  ];
  for (const [entries, text, expected] of alternations) {
    it(`literalAlternation of ${JSON.stringify(entries)}: the longest entry wins in ${JSON.stringify(text)}`, () => {
      expect(matched(`(?:${literalAlternation(entries)})`, text)).to.equal(expected);
    });
  }

  const words: Array<[string[], string, boolean]> = [
    [['held'], 'The forum was held in Geneva', true],
    [['held'], 'It was upheld', false],
    [['held'], 'held2', false],
    [['took place'], 'It TOOK\nPLACE here', true],
  ];
  for (const [entries, text, expected] of words) {
    it(`wholeWords ${JSON.stringify(entries)} in ${JSON.stringify(text)}: ${expected}`, () => {
      expect(wholeWords(entries).test(text)).to.equal(expected);
    });
  }
});
