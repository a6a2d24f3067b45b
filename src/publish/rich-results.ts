/**
 * What keeps an event page from Google's Event rich results, checked at build time so a
 * publisher learns it before a search engine does. The properties are those of Google's Event
 * documentation (developers.google.com/search/docs/appearance/structured-data/event): name,
 * startDate and a location with an address are required; a page without them is not eligible.
 */
import type { SchemaObject, SchemaValue } from './event-jsonld.js';

/** ISO 8601 date or date-time, as Google asks for startDate and endDate. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const firstObject = (value: SchemaValue | undefined): SchemaObject | undefined =>
  Array.isArray(value) ? firstObject(value[0]) : typeof value === 'object' ? value : undefined;
const isText = (value: SchemaValue | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** Each reason the event is not eligible, in words a publisher can act on; empty when it is. */
export function richResultGaps(event: SchemaObject): string[] {
  const gaps: string[] = [];
  if (!isText(event.name)) gaps.push('no event name');
  if (!isText(event.startDate)) gaps.push('no start date (the report gives no date)');
  else if (!ISO_DATE.test(event.startDate)) gaps.push(`start date "${event.startDate}" is not ISO 8601`);
  if (isText(event.endDate) && !ISO_DATE.test(event.endDate)) gaps.push(`end date "${event.endDate}" is not ISO 8601`);
  const location = firstObject(event.location);
  const address = firstObject(location?.address);
  if (location === undefined) gaps.push('no location (the report names no place)');
  else if (address === undefined || Object.keys(address).every((key) => key === '@type')) gaps.push('the location has no address');
  return gaps;
}

/** The build's warning for one event page, or undefined when the page is eligible. */
export function richResultWarning(fileName: string, event: SchemaObject): string | undefined {
  const gaps = richResultGaps(event);
  return gaps.length === 0 ? undefined : `${fileName}: not eligible for Google Event rich results: ${gaps.join('; ')}`;
}
