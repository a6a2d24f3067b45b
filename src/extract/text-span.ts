/** Pieces of a source text that remember where they are, so every fact keeps its exact span. */
import type { Evidence } from '../model/types.js';
import { matchesOf } from '../text/scan.js';

export interface TextSpan {
  readonly text: string;
  readonly start: number;
}

export function spanEnd(span: TextSpan): number {
  return span.start + span.text.length;
}

/** The span without surrounding white space and separators, nor a leading "the " or "and ". */
export function trimSpan(span: TextSpan): TextSpan {
  const leading = /^(?:[\s,;:&·]+|the\s+|and\s+)*/i.exec(span.text)![0].length;
  const text = span.text.slice(leading).replace(/[\s,;:]+$/, '');
  return { text, start: span.start + leading };
}

/**
 * The parts of a span between separators that stand outside parentheses, keeping offsets; empty
 * parts too, so the parts and separators add up to the span. A separator is found by one global
 * search and the depth of parentheses counted up to it; a stray ")" closes nothing. Separators
 * must not hold a parenthesis themselves.
 */
export function splitOutsideParentheses(span: TextSpan, separator: RegExp): TextSpan[] {
  const parts: TextSpan[] = [];
  const pattern = new RegExp(separator.source, `${separator.flags.replace(/[gy]/g, '')}g`);
  let depth = 0;
  let counted = 0;
  let from = 0;
  for (const match of matchesOf(pattern, span.text)) {
    for (; counted < match.index; counted += 1) {
      const character = span.text[counted];
      if (character === '(') depth += 1;
      else if (character === ')') depth = Math.max(0, depth - 1);
    }
    if (depth > 0 || match[0].length === 0) continue;
    parts.push({ text: span.text.slice(from, match.index), start: span.start + from });
    from = match.index + match[0].length;
  }
  parts.push({ text: span.text.slice(from), start: span.start + from });
  return parts;
}

/** The non-blank parts of a span between separators outside parentheses. */
export function splitSpan(span: TextSpan, separator: RegExp): TextSpan[] {
  return splitOutsideParentheses(span, separator).filter((part) => part.text.trim() !== '');
}

/**
 * Whether a stretch of text overlaps any of `spans`: a sorted index with the furthest end seen so
 * far, so each question is a binary search (a scan of every span per hit was quadratic).
 */
export function overlapTest(spans: readonly TextSpan[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const furthest: number[] = [];
  sorted.forEach((span, index) => { furthest.push(Math.max(furthest[index - 1] ?? -1, spanEnd(span))); });
  return (start, end) => {
    // The last span starting before `end`; any span overlapping [start, end) starts no later.
    let low = 0;
    let high = sorted.length - 1;
    let last = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]!.start < end) { last = middle; low = middle + 1; } else high = middle - 1;
    }
    return last >= 0 && furthest[last]! > start;
  };
}

export function evidenceOf(source: string, fullText: string, span: TextSpan): Evidence {
  const end = spanEnd(span);
  return { source, start: span.start, end, exact: fullText.slice(span.start, end) };
}
