/**
 * Dates and times in observatory pages, read with chrono-node: "6 Nov 2017 to 10 Nov 2017",
 * "9 Apr 2019 09:00h - 13:00h", "10 Oct 2023 02:00h - 03:30h UTC", "Date: Tuesday, November 13, 2018
 * / Time: 13:00 to 13:20", "16:45-17:30, Tuesday, 13 June 2017", "Between 14 and 16 March 2022"...
 * A day becomes an xsd:date lexical form, a day with a time an xsd:dateTime (with the offset the page
 * states, else a local time). Only dates with a day and month written out count: relative dates
 * ("yesterday", "last Monday") are left out, and a missing year comes from the caller, never from today.
 */
import * as chrono from 'chrono-node';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { literalAlternation } from '../text/literal-patterns.js';
import { wordList } from '../text/word-lists.js';

export interface DateRange {
  /** xsd:date (YYYY-MM-DD) or xsd:dateTime (YYYY-MM-DDThh:mm:ss[±hh:mm|Z]) lexical form. */
  readonly startDate: string;
  readonly endDate?: string;
}

/** A date range found in a text, with where it was written (offsets into that text). */
export interface FoundDate extends DateRange {
  readonly index: number;
  readonly text: string;
}

export interface DateOptions {
  /** Years to try, in order, for a date written without one ("Sunday 5 March"). */
  readonly years?: readonly number[];
}

/** Chrono needs a reference instant; a fixed one, since an implied year is never used. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const parser = chrono.en.GB;

/**
 * Same-length rewrites chrono does not read itself, so offsets stay valid: the "h" after a time
 * ("15:30h"), a dash between days ("June 12–14"), and "between 14 and 16 March" (read as "14 to 16 March").
 */
const TIME_SUFFIX = /(\d{1,2}[:.]\d{2})h\b/g;
const DAY_DASH = /(?<=\b\d{1,2})[–—](?=\d{1,2}\b)/g;
const BETWEEN = new RegExp(String.raw`\b(${literalAlternation(wordList('range-openers'), { flexibleSpaces: true })})(\s+\d{1,2}\s+)and(?=\s+\d{1,2}\b)`, 'giu');

function normalise(text: string): string {
  return text.replace(TIME_SUFFIX, '$1 ').replace(DAY_DASH, '-').replace(BETWEEN, '$1$2to ');
}

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface Time {
  readonly hour: number;
  readonly minute: number;
  readonly offset?: number;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function formatDay({ year, month, day }: Day): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

function format(day: Day, time: Time | undefined): string {
  if (time === undefined) return formatDay(day);
  const offset = time.offset === undefined ? '' : formatOffset(time.offset);
  return `${formatDay(day)}T${pad(time.hour)}:${pad(time.minute)}:00${offset}`;
}

function isRealDay({ year, month, day }: Day): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function weekdayOf({ year, month, day }: Day): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

const certain = (components: ParsedComponents, name: 'year' | 'month' | 'day' | 'hour' | 'weekday' | 'timezoneOffset'): number | undefined =>
  components.isCertain(name) ? components.get(name) ?? undefined : undefined;

/** The day a component set names; a missing year is taken from `years` (the first whose weekday fits). */
function dayOf(components: ParsedComponents, years: readonly number[]): Day | undefined {
  const month = certain(components, 'month');
  const day = certain(components, 'day');
  if (month === undefined || day === undefined) return undefined;
  const weekday = certain(components, 'weekday');
  const year = certain(components, 'year');
  for (const candidate of year === undefined ? years : [year]) {
    const found = { year: candidate, month, day };
    if (isRealDay(found) && (weekday === undefined || weekdayOf(found) === weekday)) return found;
  }
  return undefined;
}

/** Whether a day comes after the day of a range's end (whose year is written). */
function isAfter(day: Day, end: ParsedComponents): boolean {
  const endDay = dayOf(end, []);
  return endDay !== undefined && formatDay(day) > formatDay(endDay);
}

function timeOf(components: ParsedComponents): Time | undefined {
  const hour = certain(components, 'hour');
  if (hour === undefined) return undefined;
  const offset = certain(components, 'timezoneOffset');
  return { hour, minute: components.get('minute') ?? 0, ...(offset === undefined ? {} : { offset }) };
}

/** A time or time range alone ("13:00 to 13:20"), to join to the day written before it. */
function isTimeOnly(result: ParsedResult): boolean {
  return !result.start.isCertain('day') && !result.start.isCertain('month') && result.start.isCertain('hour');
}

function range(start: Day, startTime: Time | undefined, end: Day | undefined, endTime: Time | undefined): DateRange {
  // Both ends at the same precision, so they compare (xsd:date and xsd:dateTime do not).
  const timed = startTime !== undefined && (end === undefined || endTime !== undefined);
  const startDate = format(start, timed ? startTime : undefined);
  const endDate = end === undefined ? undefined : format(end, timed ? endTime : undefined);
  return endDate === undefined || endDate === startDate || endDate < startDate ? { startDate } : { startDate, endDate };
}

/** Every date with a written day and month in `text`, in order; times written next to a day join it. */
export function findDates(text: string, options: DateOptions = {}): FoundDate[] {
  const years = options.years ?? [];
  const results = parser.parse(normalise(text), REFERENCE, { forwardDate: false });
  const found: FoundDate[] = [];
  results.forEach((result, position) => {
    if (!/\d/.test(result.text)) return;
    // "30 May - 2 June 2022", "30 Dec - 2 Jan 2022": the year written at the range's end only.
    const endYear = result.end ? certain(result.end, 'year') : undefined;
    const choices = endYear === undefined ? [years] : [[endYear], [endYear - 1]];
    const days = choices.map((list) => dayOf(result.start, list));
    const start = days.find((day) => day !== undefined && !(result.end && isAfter(day, result.end))) ?? days[0];
    if (start === undefined) return;
    const end = result.end ? dayOf(result.end, [start.year, start.year + 1]) : undefined;
    let startTime = timeOf(result.start);
    let endTime = result.end ? timeOf(result.end) : undefined;
    let last = result;
    const next = results[position + 1];
    // "19 June 2019 | 14:00-15:30", "Date: ... / Time: 13:00 to 13:20": a time range after the day.
    if (startTime === undefined && next !== undefined && isTimeOnly(next) && /^[\s|,/\-–—:;A-Za-z]{0,12}$/.test(text.slice(result.index + result.text.length, next.index))) {
      startTime = timeOf(next.start);
      endTime = next.end ? timeOf(next.end) : undefined;
      last = next;
    }
    const sameDay = end === undefined && endTime !== undefined ? start : end;
    found.push({
      ...range(start, startTime, sameDay, endTime),
      index: result.index,
      text: text.slice(result.index, last.index + last.text.length),
    });
  });
  return found;
}

/** A field label before a date or time: "Date:", "Session Time:". */
const LABEL = /^[\p{L} ]{1,20}:\s*/u;
const ONLY_LABEL = /^[\p{L} ]{1,20}:$/u;
/** "09:00h - 13:00h CEST" and a little more: a longer line is not a time line. */
const TIME_LINE_LENGTH = 40;

/** A line holding only a time or time range ("17:15 - 19:00", "Time: 13:00 to 13:20"), as it follows a day on the next line. */
export function parseTimeLine(line: string): { start: Time; end?: Time } | undefined {
  const text = line.trim().replace(LABEL, '');
  if (text.length > TIME_LINE_LENGTH) return undefined;
  const results = parser.parse(normalise(text), REFERENCE);
  const [only] = results;
  if (results.length !== 1 || only === undefined || !isTimeOnly(only) || only.text.trim().length < text.length - 4) return undefined;
  const start = timeOf(only.start)!;
  const end = only.end ? timeOf(only.end) : undefined;
  return end === undefined ? { start } : { start, end };
}

/** The day of a date range with a time range of the next line joined to it. */
export function withTimes(dates: DateRange, times: { start: Time; end?: Time }): DateRange {
  if (dates.startDate.includes('T') || dates.endDate !== undefined) return dates;
  const [year, month, day] = dates.startDate.split('-').map(Number) as [number, number, number];
  const start = { year, month, day };
  return range(start, times.start, times.end === undefined ? undefined : start, times.end);
}

/** The date range a line states, when the line is a date line (the date first, or after a label or a time). */
export function parseDateLine(line: string, options: DateOptions = {}): DateRange | undefined {
  const [first] = findDates(line, options);
  if (first === undefined) return undefined;
  const before = line.slice(0, first.index).trim();
  if (before !== '' && !ONLY_LABEL.test(before)) return undefined;
  const startDate = first.startDate;
  return first.endDate === undefined ? { startDate } : { startDate, endDate: first.endDate };
}
