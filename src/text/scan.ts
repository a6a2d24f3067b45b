/** Scanning a text with a global regular expression, the one loop extraction and segmentation share. */

/**
 * Every match of `pattern` in text[from, to), in order, read as if the text ended at `to` (a match
 * never runs past it, and a look-ahead sees the end there). The pattern must be global: its
 * lastIndex is set before each search, so the same pattern may be scanned again inside the loop,
 * and is 0 again when the scan ends or is left. An empty match moves the scan on by one character
 * (a whole one under the u flag), as String.prototype.matchAll does.
 */
export function* matchesOf(pattern: RegExp, text: string, from = 0, to = text.length): Generator<RegExpExecArray> {
  if (!pattern.global) throw new Error(`matchesOf needs a global pattern, not /${pattern.source}/${pattern.flags}`);
  const window = to < text.length ? text.slice(0, to) : text;
  let position = from;
  try {
    while (position <= window.length) {
      pattern.lastIndex = position;
      const match = pattern.exec(window);
      if (match === null) return;
      const end = match.index + match[0].length;
      position = end > match.index ? end : end + (pattern.unicode && (window.codePointAt(end) ?? 0) > 0xffff ? 2 : 1);
      yield match;
    }
  } finally {
    pattern.lastIndex = 0;
  }
}
