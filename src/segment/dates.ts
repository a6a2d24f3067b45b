/** Event dates as the observatory writes them: "6 Nov 2017 to 10 Nov 2017", "6–10 November 2017", "6 Nov 2017". */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

export interface DateRange {
  readonly startDate: string;
  readonly endDate?: string;
}

function iso(day: string, month: string, year: string): string | undefined {
  const monthIndex = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  const dayNumber = Number(day);
  const date = new Date(Date.UTC(Number(year), monthIndex, dayNumber));
  if (monthIndex < 0 || date.getUTCDate() !== dayNumber) return undefined;
  return date.toISOString().slice(0, 10);
}

const FULL_RANGE = new RegExp(String.raw`^\s*(\d{1,2})\s+${MONTH}\s+(\d{4})(?:\s*(?:to|–|-|—)\s*(\d{1,2})\s+${MONTH}\s+(\d{4}))?\s*$`, 'i');
const SHORT_RANGE = new RegExp(String.raw`^\s*(\d{1,2})\s*(?:–|-|—|to)\s*(\d{1,2})\s+${MONTH}\s+(\d{4})\s*$`, 'i');

/** The date range a header line states, or undefined if the line is not a date line. */
export function parseDateLine(line: string): DateRange | undefined {
  const full = FULL_RANGE.exec(line);
  if (full) {
    const startDate = iso(full[1]!, full[2]!, full[3]!);
    if (startDate === undefined) return undefined;
    const endDate = full[4] ? iso(full[4], full[5]!, full[6]!) : undefined;
    return endDate !== undefined && endDate !== startDate ? { startDate, endDate } : { startDate };
  }
  const short = SHORT_RANGE.exec(line);
  if (short) {
    const startDate = iso(short[1]!, short[3]!, short[4]!);
    const endDate = iso(short[2]!, short[3]!, short[4]!);
    return startDate === undefined ? undefined : { startDate, ...(endDate ? { endDate } : {}) };
  }
  return undefined;
}
