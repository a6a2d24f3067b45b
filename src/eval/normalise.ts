/**
 * How `eval` compares a name or an organisation label with the gold: the normalisation of the
 * project's independent scorer (score.py's norm), reproduced character for character so both give
 * the same counts: Unicode NFKC, full case folding, punctuation except hyphens removed, honorifics
 * stripped repeatedly from the front, a leading "the" dropped, whitespace collapsed.
 */

/** Python's `\s` and str.strip()/split() whitespace, which is not JavaScript's. */
const SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Python's `\w` on text: letters, digits and other numbers, underscore. */
const WORD = '\\p{L}\\p{N}_';

const NOT_WORD_SPACE_OR_HYPHEN = new RegExp(`[^${WORD}${SPACE}-]`, 'gu');
/**
 * Stripped after punctuation is gone, so "H.E." no longer matches its dotted form (as in score.py);
 * "he " at the front of a name is stripped.
 */
const HONORIFIC = new RegExp(`^(h\\.?e\\.?|mr|ms|mrs|dr|prof|professor|ambassador|amb|sir|dame|hon|rev)\\.?[${SPACE}]+`, 'u');
const LEADING_THE = new RegExp(`^the[${SPACE}]+`, 'u');
const SPACES = new RegExp(`[${SPACE}]+`, 'gu');
const EDGE_SPACES = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'gu');

function strip(text: string): string {
  return text.replace(EDGE_SPACES, '');
}

/** Cherokee letters fold to their capitals (Unicode CaseFolding.txt), unlike any other script. */
function isCherokee(codePoint: number): boolean {
  return (codePoint >= 0x13a0 && codePoint <= 0x13fd) || (codePoint >= 0xab70 && codePoint <= 0xabbf);
}

/**
 * Python's str.casefold(). Per character, full case folding is lower(upper(c)) except for Cherokee,
 * dotless i (kept) and capital sharp s ("ss"); one character at a time, so a final sigma folds to σ.
 */
export function casefold(text: string): string {
  let folded = '';
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (isCherokee(codePoint)) folded += character.toUpperCase();
    else if (codePoint === 0x131) folded += character;
    else if (codePoint === 0x1e9e) folded += 'ss';
    else folded += character.toUpperCase().toLowerCase();
  }
  return folded;
}

export function normaliseName(text: string): string {
  let normal = casefold(text.normalize('NFKC')).replaceAll('\u2019', "'").replaceAll('\u2013', '-');
  normal = normal.replace(NOT_WORD_SPACE_OR_HYPHEN, ' ');
  let previous: string | undefined;
  while (previous !== normal) {
    previous = normal;
    normal = strip(normal).replace(HONORIFIC, '');
  }
  normal = normal.replace(LEADING_THE, '');
  return strip(normal.replace(SPACES, ' '));
}
