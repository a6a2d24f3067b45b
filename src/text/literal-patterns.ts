/** Regular-expression sources that match listed words and labels literally. */

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface LiteralOptions {
  /** Whether any run of white space in the text stands for a space of the entry. */
  readonly flexibleSpaces?: boolean;
  /** Whether a typewriter and a typographic apostrophe stand for each other ("People's" = "People’s"). */
  readonly anyApostrophe?: boolean;
}

/** The source of a pattern matching `text` as written. */
export function literalPattern(text: string, options: LiteralOptions = {}): string {
  const escaped = escapeRegExp(text);
  const apostrophes = options.anyApostrophe === true ? escaped.replace(/[’']/g, "['’]") : escaped;
  return options.flexibleSpaces === true ? apostrophes.replace(/\s+/g, '\\s+') : apostrophes;
}

/** An alternation of literal entries, longest first so "Co-Chair" wins over "Chair"; to put inside a group. */
export function literalAlternation(entries: readonly string[], options: LiteralOptions = {}): string {
  return [...entries].sort((a, b) => b.length - a.length).map((entry) => literalPattern(entry, options)).join('|');
}

/** The entries as whole words (no letter or digit glued to either side), any white space for a space. */
export function wholeWords(entries: readonly string[], flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])(?:${literalAlternation(entries, { flexibleSpaces: true })})(?![\\p{L}\\d])`, flags);
}
