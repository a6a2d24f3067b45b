/**
 * A small standalone HTML page for one event: a human-readable summary, and the schema.org JSON-LD
 * in <script type="application/ld+json"> for search engines. Both come from the same JSON-LD object.
 */
import type { SchemaObject, SchemaValue } from './event-jsonld.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * JSON safe inside a <script> element: "<" is escaped so neither "</script>" nor "<!--" can end
 * or change the element; ">" and "&" for old parsers; U+2028/2029 so it is also valid JavaScript.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * "2017-11-06" -> "6 Nov 2017", "2023-10-08T11:00:00+02:00" -> "8 Oct 2023, 11:00 (UTC+02:00)", without
 * the locale or time zone of the machine that builds.
 */
function humanDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}):\d{2}(Z|[+-]\d{2}:\d{2})?)?$/.exec(date);
  if (match === null) return date;
  const [, year, month, day, time, zone] = match;
  const clock = time === undefined ? '' : `, ${time}${zone === undefined ? '' : zone === 'Z' ? ' (UTC)' : ` (UTC${zone})`}`;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}${clock}`;
}

const text = (value: SchemaValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const objects = (value: SchemaValue | undefined): SchemaObject[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item): item is SchemaObject => typeof item === 'object' && !Array.isArray(item),
  );

function dates(event: SchemaObject): string {
  const start = text(event.startDate);
  const end = text(event.endDate);
  if (start === undefined) return '';
  const time = (date: string) => `<time datetime="${escapeHtml(date)}">${escapeHtml(humanDate(date))}</time>`;
  return `<p class="dates">${time(start)}${end === undefined || end === start ? '' : ` to ${time(end)}`}</p>\n`;
}

function names(values: SchemaObject[]): string {
  return values.map((value) => escapeHtml(text(value.name) ?? '')).join(', ');
}

function sessions(event: SchemaObject): string {
  const items = objects(event.subEvent).map((session) => {
    const performers = objects(session.performer);
    const who = performers.length === 0 ? '' : ` <span class="performers">(${names(performers)})</span>`;
    return `  <li>${escapeHtml(text(session.name) ?? '')}${who}</li>\n`;
  });
  return items.length === 0 ? '' : `<h2>Sessions</h2>\n<ol>\n${items.join('')}</ol>\n`;
}

/** At most `limit` characters, cut at a word with an ellipsis: the length search results and cards show. */
function summary(text: string, limit = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit / 2)).trimEnd()}…`;
}

/** "Geneva Peace Week, 6 Nov 2017 to 10 Nov 2017, Geneva, Switzerland": what a page says when the report has no description. */
function fallbackDescription(event: SchemaObject, location: SchemaObject | undefined): string {
  const start = text(event.startDate);
  const end = text(event.endDate);
  const when = start === undefined ? undefined : end === undefined || end === start ? humanDate(start) : `${humanDate(start)} to ${humanDate(end)}`;
  return [text(event.name) ?? 'Event', when, text(location?.name)].filter((part) => part !== undefined).join(', ');
}

/**
 * <title>, meta description, Open Graph and Twitter card tags. og:url is the event's IRI, its
 * permanent identifier. No image tags: reports carry no image, and none is invented.
 */
function metaTags(event: SchemaObject, location: SchemaObject | undefined): string {
  const title = text(event.name) ?? 'Event';
  const description = summary(text(event.description) ?? fallbackDescription(event, location));
  const tags: Array<[string, string, string | undefined]> = [
    ['name', 'description', description],
    ['property', 'og:type', 'website'],
    ['property', 'og:title', title],
    ['property', 'og:description', description],
    ['property', 'og:url', text(event['@id'])],
    ['name', 'twitter:card', 'summary'],
    ['name', 'twitter:title', title],
    ['name', 'twitter:description', description],
  ];
  return tags
    .filter((tag): tag is [string, string, string] => tag[2] !== undefined)
    .map(([attribute, key, content]) => `<meta ${attribute}="${key}" content="${escapeHtml(content)}">\n`)
    .join('');
}

export function eventHtml(event: SchemaObject): string {
  const name = escapeHtml(text(event.name) ?? 'Event');
  const [location] = objects(event.location);
  const description = text(event.description);
  const organizers = objects(event.organizer);
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${name}</title>\n` +
    metaTags(event, location) +
    `<script type="application/ld+json">\n${scriptSafeJson(event)}\n</script>\n` +
    '</head>\n<body>\n<article>\n' +
    `<h1>${name}</h1>\n` +
    dates(event) +
    (location === undefined ? '' : `<p class="location">${escapeHtml(text(location.name) ?? '')}</p>\n`) +
    (organizers.length === 0 ? '' : `<p class="organizer">Organised by ${names(organizers)}</p>\n`) +
    (description === undefined ? '' : `<p class="description">${escapeHtml(description)}</p>\n`) +
    sessions(event) +
    '</article>\n</body>\n</html>\n'
  );
}
