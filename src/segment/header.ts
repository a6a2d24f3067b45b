/**
 * The header of an observatory page: title, the event's dates, its place, and the report's own
 * publication stamp ("Published on ...", "14/10/2022 - 16:20" + "News stories", a news date under a
 * headline), which is never the event's date. When the header states no event date, the first
 * sentences of the body may ("Geneva, Switzerland, 12 April 2019.", "Between 14 and 16 March 2022 ...").
 * Word lists are data (data/words/*.txt, described in data/words/README.md); dates are read by dates.ts.
 */
import { findDates, parseDateLine, parseTimeLine, withTimes, type DateRange } from './dates.js';
import { isNameLine } from './names.js';
import { paragraphs, type Line } from './paragraphs.js';
import { literalAlternation, wholeWords } from '../text/literal-patterns.js';
import { wordList } from '../text/word-lists.js';

export type { Line } from './paragraphs.js';

export interface Header {
  readonly title?: Line;
  /** The event's dates and the span they were read from (a header line, or a date in the body's first sentences). */
  readonly dates?: DateRange & { readonly line: Line };
  /** When the page itself was published (schema:datePublished of the report), with its stamp. */
  readonly published?: { readonly date: string; readonly line: Line };
  /** "City, Country", sometimes preceded by a venue and a street address line. */
  readonly place?: Line;
  readonly venue?: Line;
  readonly street?: Line;
}

const STAMP_BEFORE = new RegExp(`(?<![\\p{L}\\d])(?:${literalAlternation(wordList('publication-before'), { flexibleSpaces: true })})`, 'iu');
const STAMP_AFTER = new RegExp(`^(?:${literalAlternation(wordList('publication-after'), { flexibleSpaces: true })})$`, 'iu');
const CATEGORY_WORDS = literalAlternation(wordList('category-words'), { flexibleSpaces: true });
const CATEGORY = new RegExp(`^(?:${CATEGORY_WORDS})(?![\\p{L}])|(?<![\\p{L}])(?:${CATEGORY_WORDS})$`, 'iu');
const NUMBERED_LABEL = new RegExp(`^(?:${literalAlternation(wordList('numbered-labels'), { flexibleSpaces: true })})\\s*:?\\s*\\d+$`, 'iu');
const NOT_TITLE = new RegExp(`^(?:${literalAlternation(wordList('not-titles'), { flexibleSpaces: true })})`, 'iu');
const ATTENDANCE = new RegExp(`^(?:${literalAlternation(wordList('attendance-modes'), { flexibleSpaces: true })})\\s*[,:]\\s*`, 'iu');
const EVENT_WORDS = wholeWords(wordList('event-words'));
const CLOSER = new RegExp(`(?<![\\p{L}])(?:${literalAlternation(wordList('range-closers'), { flexibleSpaces: true })})\\s+`, 'giu');
const PLACE = /^[\p{Lu}][\p{L} .'’-]+,\s*[\p{Lu}][\p{L} .'’-]+$/u;
/** "..., on Paris,France" at the end of a date line. */
const TRAILING_PLACE = /[\p{Lu}][\p{L}'’-]*(?: [\p{Lu}][\p{L}'’-]*)*,\s*[\p{Lu}][\p{L}'’-]*(?: [\p{Lu}][\p{L}'’-]*)*(?=\.?$)/u;
/** "Geneva, Switzerland, " before the date of a dateline. */
const PLACE_NAME = String.raw`[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)*`;
const DATELINE_PLACE = new RegExp(String.raw`^(${PLACE_NAME}(?:,\s*${PLACE_NAME})*),?\s*$`, 'u');
const YEAR = /(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)/g;
/** A line is prose (a body paragraph) rather than a header line. */
const PROSE_LENGTH = 100;
const HEADER_LINE_LENGTH = 160;
const FIRST_LINE_TITLE_LENGTH = 200;
/** How far into the header the event's date line may be, and how far into the body its date. */
const DATE_LINE_MAX_INDEX = 4;
const BODY_PARAGRAPHS = 8;
/** Dates are looked for in the first characters of a header line and of the body only: a huge page costs no more. */
const LINE_SCAN = 300;
const BODY_SCAN = 4000;

function scanned(line: Line): Line {
  return line.text.length <= LINE_SCAN ? line : { start: line.start, end: line.start + LINE_SCAN, text: line.text.slice(0, LINE_SCAN) };
}

function subLine(line: Line, from: number, text: string): Line {
  const start = line.start + from;
  return { start, end: start + text.length, text };
}

/** The page's text and the years written on it (found once). */
interface Page {
  readonly text: string;
  readonly years: ReadonlyArray<{ readonly year: number; readonly at: number }>;
}

function pageOf(text: string): Page {
  return { text, years: [...text.matchAll(YEAR)].map((match) => ({ year: Number(match[0]), at: match.index })) };
}

/** The years written on the page, nearest to `offset` first (those `within` a paragraph before all): for dates written without one. */
function yearsNear(page: Page, offset: number, within?: { start: number; end: number }): number[] {
  const found = page.years;
  const inside = within === undefined ? [] : found.filter(({ at }) => at >= within.start && at < within.end);
  const byDistance = (list: typeof found) => [...list].sort((a, b) => Math.abs(a.at - offset) - Math.abs(b.at - offset)).map(({ year }) => year);
  return [...new Set([...byDistance(inside), ...byDistance(found)])];
}

const isProse = (line: Line | undefined): boolean =>
  line !== undefined && line.text.length >= PROSE_LENGTH && /[.!?]["”’)]?(?:\s|$)/u.test(line.text);

function isCategoryLine(text: string): boolean {
  const words = text.split(/\s+/);
  const breadcrumb = /^\p{Ll}[\p{L} ]*(?:,\s*[\p{L} ]+)+$/u.test(text) && text.length <= 40;
  return breadcrumb || (words.length <= 6 && !/[.,:;!?]/.test(text) && CATEGORY.test(text));
}

/** A title line; `maxLength` keeps a first paragraph from reading as the title of a page without a date line. */
function isTitle(text: string, maxLength = Infinity): boolean {
  return text.length <= maxLength && !/[.:;]$/.test(text) && !NOT_TITLE.test(text) && !NUMBERED_LABEL.test(text) && !STAMP_BEFORE.test(text) &&
    !STAMP_AFTER.test(text) && !isCategoryLine(text) && findDates(text.slice(0, LINE_SCAN)).length === 0;
}

interface Stamp {
  readonly date: string;
  readonly line: Line;
  /** Indexes of the candidate lines the stamp takes. */
  readonly lines: readonly number[];
}

/** A publication stamp starting at line `index`, in one of the forms the observatories use. */
function stampAt(candidates: readonly Line[], index: number, page: Page): Stamp | undefined {
  const line = scanned(candidates[index]!);
  const next = candidates[index + 1] === undefined ? undefined : scanned(candidates[index + 1]!);
  const years = yearsNear(page, line.start);
  const label = STAMP_BEFORE.exec(line.text);
  if (label !== null) {
    const from = label.index + label[0].length;
    const [after] = findDates(line.text.slice(from), { years });
    if (after !== undefined) return { date: after.startDate, line: subLine(line, from + after.index, after.text), lines: [index] };
    // "Published on" with the date on the next line.
    const nextDate = next === undefined ? undefined : parseDateLine(next.text, { years });
    if (nextDate !== undefined && /^\s*\p{L}{0,3}\s*$/u.test(line.text.slice(from))) return { date: nextDate.startDate, line: next!, lines: [index, index + 1] };
    return undefined;
  }
  const dates = parseDateLine(line.text, { years });
  if (dates === undefined) return undefined;
  // "14/10/2022 - 16:20" followed by "News stories".
  if (next !== undefined && STAMP_AFTER.test(next.text)) return { date: dates.startDate, line, lines: [index, index + 1] };
  // A bare day under a headline, with the article straight after it: the news item's date.
  const bareDay = dates.endDate === undefined && !dates.startDate.includes('T') && findDates(line.text)[0]?.text.length === line.text.replace(/[.\s]+$/, '').length;
  if (index > 0 && bareDay && isProse(candidates[index + 1])) return { date: dates.startDate, line, lines: [index] };
  return undefined;
}

interface DateLine {
  readonly index: number;
  readonly dates: DateRange;
  /** A place written on the date line itself ("... on Paris,France", "Geneva, Switzerland, 21 March 2017."). */
  readonly place?: Line;
}

/** The event's date line: the date first, after a label ("Date:") or time, or after the place of a dateline. */
function dateLineAt(line: Line, index: number, page: Page): DateLine | undefined {
  const [first] = findDates(line.text, { years: yearsNear(page, line.start) });
  // A long line is a date line only as a run-on header ("09:00–09:45, Thursday, 16 March 2023 Room C1, ..."), not prose.
  if (first === undefined || isProse(line) || (line.text.length > HEADER_LINE_LENGTH && first.index > 0)) return undefined;
  const before = line.text.slice(0, first.index);
  const dateline = before.trim() === '' ? undefined : DATELINE_PLACE.exec(before);
  if (before.trim() !== '' && !/^[\p{L} ]{1,12}:\s*$/u.test(before) && !(dateline && PLACE.test(dateline[1]!))) return undefined;
  const dates: DateRange = first.endDate === undefined ? { startDate: first.startDate } : { startDate: first.startDate, endDate: first.endDate };
  if (dateline) return { index, dates, place: subLine(line, 0, dateline[1]!) };
  const afterFrom = first.index + first.text.length;
  const trailing = TRAILING_PLACE.exec(line.text.slice(afterFrom));
  return trailing ? { index, dates, place: subLine(line, afterFrom + trailing.index, trailing[0]) } : { index, dates };
}

/** "City, Country" (after an attendance mode such as "in-situ, "), as the part of the line that names it. */
function placeOf(line: Line): Line | undefined {
  const mode = ATTENDANCE.exec(line.text);
  const text = mode ? line.text.slice(mode[0].length) : line.text;
  if (!PLACE.test(text) || /\d/.test(text)) return undefined;
  return mode ? subLine(line, mode[0].length, text) : line;
}

/** Venue, street and "City, Country" in the lines after the date (or time) line. */
function placeAfter(candidates: readonly Line[], index: number): { place?: Line; venue?: Line; street?: Line; last: number } {
  const after = candidates.slice(index + 1, index + 4);
  const placeIndex = after.findIndex((line) => placeOf(line) !== undefined);
  if (placeIndex < 0) return { last: index };
  const before = after.slice(0, placeIndex);
  const street = before.find((line) => /\d/.test(line.text));
  const venue = before.find((line) => line !== street);
  return { place: placeOf(after[placeIndex]!), venue, street, last: index + 1 + placeIndex };
}

function titleBefore(candidates: readonly Line[], index: number): Line | undefined {
  let before = index - 1;
  while (before > 0 && NUMBERED_LABEL.test(candidates[before]!.text)) before -= 1;
  const line = candidates[before];
  // A bare "Session 2" is the title only when nothing comes before it.
  return line !== undefined && (isTitle(line.text) || (before === 0 && NUMBERED_LABEL.test(line.text))) ? line : undefined;
}

/** The page's first line, after breadcrumbs and category lines, when it reads as a title. */
function firstLineTitle(candidates: readonly Line[]): Line | undefined {
  const first = candidates.find((line) => !isCategoryLine(line.text));
  return first !== undefined && isTitle(first.text, FIRST_LINE_TITLE_LENGTH) && !isNameLine(first.text) ? first : undefined;
}

function sentences(text: string, offset: number): Line[] {
  return [...text.matchAll(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g)].map((match) => {
    const trimmed = match[0].trim();
    return { start: offset + match.index + match[0].indexOf(trimmed), end: offset + match.index + match[0].indexOf(trimmed) + trimmed.length, text: trimmed };
  }).filter((sentence) => sentence.text !== '');
}

/** "... will run until March 7": the end of a range the next sentences give. */
function endAfter(following: readonly Line[], startDate: string): string | undefined {
  const year = Number(startDate.slice(0, 4));
  for (const sentence of following) {
    for (const closer of sentence.text.matchAll(CLOSER)) {
      const rest = sentence.text.slice(closer.index + closer[0].length);
      const [end] = findDates(rest, { years: [year] });
      if (end !== undefined && end.index === 0 && end.startDate.slice(0, 10) > startDate.slice(0, 10)) return end.startDate.slice(0, 10);
    }
  }
  return undefined;
}

/** The event's dates in the first sentences of the body: a dateline, or a sentence about the event. */
function bodyDates(page: Page, from: number): { dates: DateRange & { line: Line }; place?: Line } | undefined {
  const limit = Math.min(page.text.length, from + BODY_SCAN);
  const sentencesOf = (paragraph: Line) => sentences(paragraph.text.slice(0, limit - paragraph.start), paragraph.start);
  for (const paragraph of paragraphs(page.text, from, limit).slice(0, BODY_PARAGRAPHS)) {
    const list = sentencesOf(paragraph);
    for (const [position, sentence] of list.entries()) {
      const years = yearsNear(page, sentence.start, paragraph);
      for (const found of findDates(sentence.text, { years })) {
        const before = sentence.text.slice(0, found.index);
        const datelinePlace = position === 0 && before.trim() !== '' ? DATELINE_PLACE.exec(before)?.[1] : undefined;
        const dateline = datelinePlace !== undefined;
        if (!dateline && !EVENT_WORDS.test(sentence.text)) continue;
        const line = subLine(sentence, found.index, found.text);
        const end = found.endDate ?? endAfter([{ ...sentence, text: sentence.text.slice(found.index + found.text.length) }, ...list.slice(position + 1)], found.startDate)
          ?? endAfter(paragraphs(page.text, paragraph.end, limit).slice(0, 1).flatMap(sentencesOf).slice(0, 2), found.startDate);
        const startDate = end !== undefined && found.endDate === undefined ? found.startDate.slice(0, 10) : found.startDate;
        const dates = end === undefined ? { startDate, line } : { startDate, endDate: end, line };
        // "Geneva, Switzerland, 12 April 2019.": the dateline's place is the event's.
        const place = datelinePlace !== undefined && PLACE.test(datelinePlace) ? subLine(sentence, 0, datelinePlace) : undefined;
        return place === undefined ? { dates } : { dates, place };
      }
    }
  }
  return undefined;
}

/**
 * Title, dates, place and publication stamp from the first lines of a page (`candidates`, with
 * offsets into `page`). `used` counts the leading lines the event's header block takes (0 when the
 * page has no date line): the body starts after them.
 */
export function parseHeader(candidates: readonly Line[], text = ''): { header: Header; used: number } {
  const page = pageOf(text);
  const stamps: Stamp[] = [];
  let dateLine: DateLine | undefined;
  for (let index = 0; index < candidates.length && dateLine === undefined; index += 1) {
    const stamp = stampAt(candidates, index, page);
    if (stamp !== undefined) {
      stamps.push(stamp);
      index = stamp.lines[stamp.lines.length - 1]!; // past the stamp's lines
    } else if (index <= DATE_LINE_MAX_INDEX) {
      dateLine = dateLineAt(scanned(candidates[index]!), index, page);
    }
  }
  const published = stamps[0] === undefined ? {} : { published: { date: stamps[0].date, line: stamps[0].line } };
  const firstDated = Math.min(dateLine?.index ?? Infinity, stamps[0]?.lines[0] ?? Infinity);
  const title = (Number.isFinite(firstDated) ? titleBefore(candidates, firstDated) : undefined) ?? firstLineTitle(candidates);

  if (dateLine === undefined) {
    // The body's first sentences start after the title and the stamps.
    const bodyFrom = [title, ...stamps.map((stamp) => candidates[stamp.lines[stamp.lines.length - 1]!])].reduce((end, line) => Math.max(end, line?.end ?? 0), 0);
    const body = bodyDates(page, bodyFrom);
    return { header: { ...(title ? { title } : {}), ...body, ...published }, used: 0 };
  }
  const line = candidates[dateLine.index]!;
  const times = candidates[dateLine.index + 1] === undefined ? undefined : parseTimeLine(candidates[dateLine.index + 1]!.text);
  const lastDateLine = times === undefined ? dateLine.index : dateLine.index + 1;
  const dates = { ...(times === undefined ? dateLine.dates : withTimes(dateLine.dates, times)), line };
  const { place, venue, street, last } = placeAfter(candidates, lastDateLine);
  const header: Header = {
    title,
    dates,
    ...published,
    ...(place ?? dateLine.place ? { place: place ?? dateLine.place, venue, street } : {}),
  };
  return { header, used: last + 1 };
}
