/** Paragraphs of a text (blocks separated by blank lines), with their offsets into it. */
import { matchesOf } from '../text/scan.js';

export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function paragraphs(text: string, from = 0, to = text.length): Paragraph[] {
  const found: Paragraph[] = [];
  const block = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (const match of matchesOf(block, text, from)) {
    // A paragraph that starts before `to` is kept whole; only its end offset stops at `to`.
    if (match.index >= to) break;
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = match.index + leading;
    found.push({ start, end: Math.min(start + trimmed.length, to), text: trimmed });
  }
  return found;
}

/** First sentence of a paragraph (up to ". ", "? ", "! " or its end). */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s+[\p{Lu}‘“"'(]|\s*$)/su.exec(text);
  return (match ? match[0] : text).trim();
}

/** One line of a text, trimmed, with its offsets. */
export interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The non-blank lines of text[from, to), trimmed. */
export function lines(text: string, from: number, to: number): Line[] {
  const found: Line[] = [];
  const pattern = /[^\n]+/g;
  for (const match of matchesOf(pattern, text, from)) {
    if (match.index >= to) break;
    const trimmed = match[0].trim();
    if (trimmed === '') continue;
    const start = match.index + match[0].indexOf(trimmed);
    found.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return found;
}
