/** Pieces of a source text that remember where they are, so every fact keeps its exact span. */
import type { Evidence } from '../model/types.js';

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

/** Splits at top-level separators (not inside parentheses), keeping offsets. */
export function splitSpan(span: TextSpan, separator: RegExp): TextSpan[] {
  const parts: TextSpan[] = [];
  let depth = 0;
  let from = 0;
  const sticky = new RegExp(separator.source, `${separator.flags.replace(/[gy]/g, '')}y`);
  for (let index = 0; index < span.text.length; index += 1) {
    const character = span.text[index];
    if (character === '(') depth += 1;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      sticky.lastIndex = index;
      const match = sticky.exec(span.text);
      if (match && match[0].length > 0) {
        parts.push({ text: span.text.slice(from, index), start: span.start + from });
        from = index + match[0].length;
        index = from - 1;
      }
    }
  }
  parts.push({ text: span.text.slice(from), start: span.start + from });
  return parts.filter((part) => part.text.trim() !== '');
}

export function evidenceOf(source: string, fullText: string, span: TextSpan): Evidence {
  const end = spanEnd(span);
  return { source, start: span.start, end, exact: fullText.slice(span.start, end) };
}
