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
