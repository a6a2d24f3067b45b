import { expect } from 'chai';
import { wordPattern, type WordPatternOptions } from '../../src/extract/patterns.js';

const matches = (label: string, options: WordPatternOptions, text: string): string[] => {
  const pattern = wordPattern(label, options);
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((hit) => `${hit.index}:${hit[0]}`);
};

describe('extract/patterns', () => {
  const cases: Array<[string, string, WordPatternOptions, string, string[]]> = [
    ['a whole word only', 'UN', { notAround: '\\p{L}\\d-' }, 'UN, UNITAR, UN-Habitat and UN2 and (UN)', ['0:UN', '36:UN']],
    ['letters in any script are no boundary', 'Rossi', { notAround: '\\p{L}-' }, 'Rossié Rossi', ['7:Rossi']],
    ['regular-expression characters are literal', 'C++ (Lab)', { notAround: '\\p{L}' }, 'the C++ (Lab) and C+ (Lab)', ['4:C++ (Lab)']],
    ['case folded when asked', 'Geneva Call', { notAround: '\\p{L}', ignoreCase: true }, 'GENEVA CALL', ['0:GENEVA CALL']],
    ['any white space for a space when asked', 'Geneva Call', { notAround: '\\p{L}', flexibleSpaces: true }, 'Geneva\n  Call', ['0:Geneva\n  Call']],
    ['exact spaces otherwise', 'Geneva Call', { notAround: '\\p{L}' }, 'Geneva\n  Call', []],
  ];
  for (const [title, label, options, text, expected] of cases) {
    it(`${title}: ${JSON.stringify(label)} in ${JSON.stringify(text)}`, () => {
      expect(matches(label, options, text)).to.deep.equal(expected);
    });
  }

  it('gives the same compiled pattern for the same label and options, another for other options', () => {
    expect(wordPattern('UNITAR', { notAround: '\\p{L}' })).to.equal(wordPattern('UNITAR', { notAround: '\\p{L}' }));
    expect(wordPattern('UNITAR', { notAround: '\\p{L}' })).not.to.equal(wordPattern('UNITAR', { notAround: '\\p{L}', ignoreCase: true }));
  });
});
