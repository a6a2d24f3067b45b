/**
 * Labels matched as whole words in running text. Extraction looks for the same gazetteer names,
 * acronyms and surnames in every session of every report: each pattern is compiled once and kept
 * (a bounded number of them; the global regexes are reused by setting lastIndex).
 */
import { BoundedMemo } from '../memo.js';
import { literalPattern } from '../text/literal-patterns.js';

export interface WordPatternOptions {
  /** A character class body that may stand neither just before nor just after the label. */
  readonly notAround: string;
  readonly ignoreCase?: boolean;
  /** Whether any run of white space in the text stands for a space of the label. */
  readonly flexibleSpaces?: boolean;
}

const patterns = new BoundedMemo<string, RegExp>(20_000);

/** A global, Unicode pattern for `label`, to scan with matchesOf (src/text/scan.ts). */
export function wordPattern(label: string, options: WordPatternOptions): RegExp {
  const key = `${options.notAround}\u0000${options.ignoreCase === true}\u0000${options.flexibleSpaces === true}\u0000${label}`;
  return patterns.get(key, () => {
    const body = literalPattern(label, { flexibleSpaces: options.flexibleSpaces });
    return new RegExp(`(?<![${options.notAround}])${body}(?![${options.notAround}])`, options.ignoreCase === true ? 'giu' : 'gu');
  });
}
