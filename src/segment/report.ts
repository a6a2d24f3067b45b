/**
 * Segments an observatory event page: header (title, dates, place), "Event report/s:", one
 * section per session report (starting at the reporter's name line, without the repeated teaser),
 * the closing description of the event, and the observatory footer, which is dropped.
 */
import { isNameLine } from './names.js';
import { parseHeader, type Header } from './header.js';
import { lines, paragraphs, type Paragraph } from './paragraphs.js';
import { literalAlternation, wholeWords } from '../text/literal-patterns.js';
import { wordList } from '../text/word-lists.js';

export type { Header, Line } from './header.js';

export interface Section {
  readonly reporter?: Paragraph;
  readonly paragraphs: readonly Paragraph[];
  readonly start: number;
  readonly end: number;
}

export interface SegmentedReport {
  readonly header: Header;
  readonly sections: readonly Section[];
  /** The event's own description after the reports (organisers, theme). */
  readonly closing: readonly Paragraph[];
  /** Where the page ends before the footer; a page cut off mid-sentence ends without punctuation. */
  readonly truncated: boolean;
}

/** A line alone that opens the reports after the header ("Event report/s:"). */
const MARKER = new RegExp(String.raw`^[ \t]*(?:${literalAlternation(wordList('section-markers'), { flexibleSpaces: true })})[ \t]*$`, 'im');
/** Where the observatory's page furniture starts (data/words/footers.txt). */
const FOOTER = new RegExp(String.raw`^[ \t]*(?:${literalAlternation(wordList('footers'), { flexibleSpaces: true })})`, 'im');
/** Phrases that open the event's closing description after the last report. */
const CLOSING = wholeWords(wordList('closing-cues'), 'u');
/** A paragraph that is only a field label ("Speakers:", "Moderator:") with nothing after it. */
const EMPTY_LABEL = /^[\p{L} /&-]{1,40}:$/u;


/** Drops the teaser: a first paragraph that the next one repeats (often cut mid-word). */
function withoutTeaser(body: readonly Paragraph[]): Paragraph[] {
  const [first, second] = body;
  if (first !== undefined && second !== undefined && first.text.length >= 20 && second.text.startsWith(first.text)) {
    return body.slice(1);
  }
  return [...body];
}

export function segmentReport(text: string): SegmentedReport {
  const footer = FOOTER.exec(text);
  const contentEnd = footer ? footer.index : text.length;
  const marker = MARKER.exec(text.slice(0, contentEnd));
  const headerLines = lines(text, 0, marker ? marker.index : Math.min(contentEnd, 400));
  const { header, used } = parseHeader(marker ? headerLines : headerLines.slice(0, 6), text);
  const bodyStart = marker ? marker.index + marker[0].length : used > 0 ? headerLines[used - 1]!.end : 0;
  const body = paragraphs(text, bodyStart, contentEnd).filter((paragraph) => !EMPTY_LABEL.test(paragraph.text));

  const groups: Array<{ reporter?: Paragraph; paragraphs: Paragraph[] }> = [];
  const reporters = new Set<string>();
  body.forEach((paragraph, index) => {
    // A name line opens a reporter's section; the name of someone the page listed before (an AI
    // report's "Speakers" block) heads that speaker's part instead.
    const name = paragraph.text.trim();
    const surname = name.split(/\s+/).at(-1) ?? '';
    const startsSection = isNameLine(name) && !paragraph.text.includes('\n') && index + 1 < body.length
      && (reporters.has(name) || !text.slice(0, paragraph.start).includes(surname));
    if (startsSection) reporters.add(name);
    if (startsSection) groups.push({ reporter: paragraph, paragraphs: [] });
    else if (groups.length === 0) groups.push({ paragraphs: [paragraph] });
    else groups[groups.length - 1]!.paragraphs.push(paragraph);
  });

  // The event's closing description follows the last report.
  const closing: Paragraph[] = [];
  const last = groups[groups.length - 1];
  if (last !== undefined) {
    const closingIndex = last.paragraphs.findIndex((paragraph, index) => index > 0 && CLOSING.test(paragraph.text));
    if (closingIndex > 0) closing.push(...last.paragraphs.splice(closingIndex));
  }

  const sections = groups
    .map((group) => ({ reporter: group.reporter, paragraphs: withoutTeaser(group.paragraphs) }))
    .filter((group) => group.paragraphs.length > 0)
    .map((group) => ({
      ...group,
      start: (group.reporter ?? group.paragraphs[0]!).start,
      end: group.paragraphs[group.paragraphs.length - 1]!.end,
    }));
  const lastText = (closing[closing.length - 1] ?? sections[sections.length - 1]?.paragraphs.at(-1))?.text ?? '';
  const truncated = footer === null && !/[.!?’”"')\]:;…]\s*$/.test(lastText);
  return { header, sections, closing, truncated };
}
