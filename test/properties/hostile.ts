/** fast-check arbitraries for hostile text: what names, titles and reports may contain. */
import fc from 'fast-check';

/** Pieces that break naive escaping, markup, line handling or bidi display. */
export const HOSTILE_PIECES = [
  '"', "'", '"""', "'''", '\\', '\\"', '\\u0022', '<', '>', '</script>', '<b>', '&amp;', '&', '{', '}', '@', '#', '^^', '_:b0',
  '\n', '\n\n', '\t', ' ', '\u00a0', '\u200b', '\u2028', '\ufeff', 'é', 'e\u0301', 'ß', 'ﬁ', 'İ',
  '👩🏽‍💻', '🇨🇭', '😀', 'محمد عبد الله', 'שלום', '\u202e', '\u200f', '日本語', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\ud83d\ude00',
  'Mr', 'Ms', 'Dr', 'H.E.', ',', ' (', ')', ', ', 'Event report/s:', 'x'.repeat(300),
];

/** Any well-formed Unicode (no lone surrogates: they cannot be written as UTF-8), mixed with hostile pieces. */
export const hostileString = (maxPieces = 8): fc.Arbitrary<string> =>
  fc.array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_PIECES),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: maxPieces },
  ).map((pieces) => pieces.join(''));

/** A hostile string that is not empty after trimming (a name must say something). */
export const hostileName = (maxPieces = 6): fc.Arbitrary<string> =>
  hostileString(maxPieces).filter((text) => text.trim() !== '');

/**
 * Shapes of text that made earlier patterns quadratic (long capitalised runs, repeated honorifics,
 * "Representative of", open parentheses), and the layouts' separators repeated. The bench
 * (`npm run bench:shapes`) times 1 MB of each; the property test feeds shorter runs of them.
 */
export const HOSTILE_SHAPES: Readonly<Record<string, string>> = {
  'capitalised words': 'Alpha Beta Gamma ',
  'honorifics': 'Mr ',
  'representative of': 'Permanent Representative of Abc Abc ',
  'honorific, name, comma': 'Mr Abc Def, ',
  'open parentheses': 'Abc (Def ',
  'title words': 'Director Head Chair ',
  'acronyms in parentheses': 'ABC (DEF) ',
  'list lines': '• Abc Def, Director, Abc Institute\n',
  'name chains': 'Anna Berg, director of X, ',
};

/** A run of one hostile shape, mixed with hostile pieces. */
export const hostileShape = (maxRepeats = 300): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...Object.values(HOSTILE_SHAPES)), fc.nat({ max: maxRepeats }), hostileString(3))
    .map(([piece, repeats, noise]) => `${piece.repeat(repeats)}${noise}${piece.repeat(repeats >> 1)}`);
