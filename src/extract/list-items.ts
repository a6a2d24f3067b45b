/**
 * People named in lists, one a line: bullets ("• NAME, Title, Org"), numbered agenda lines
 * ("3. Country – H.E. Mr NAME, Minister, Ministry (ACR)"), programme lines with times and names in
 * capitals ("18.15 NAME SURNAME, Title, Org"), labelled lines ("Chair: NAME, ...", "Speaker 1:
 * NAME, ..."), the lines under a label ("Participants", "Moderators:"), and a line of bare names
 * under a label ("Name of Speaker(s)"). Surname-first entries ("Kask Mihkel") take the natural
 * order where the page also writes it.
 */
import { CAPITALS_NAME_PATTERN, NAME_PATTERN } from '../segment/names.js';
import type { TextSpan } from './text-span.js';
import { lines, type Line } from '../segment/paragraphs.js';
import { HONORIFIC, LIST_LABELS, LOOKS_LIKE_ORGANISATION, NOT_DESCRIPTIONS, STAKEHOLDER_GROUPS, TITLE_WORD, type ListRole } from './words.js';
import type { PersonMention } from './mentions.js';
import { literalAlternation } from '../text/literal-patterns.js';

const MAX_ITEM = 320;
/** Surname-first entries looked up in natural order, at most, per list. */
const MAX_REORDERED = 200;
const MARKER = /^(?:[•▪◦·*‣–-]|\d{1,2}[.)]|\d{1,2}[.:h]\d{2}(?:\s*[-–]\s*\d{1,2}[.:h]\d{2})?)\s+/u;
const LABELS = literalAlternation([...LIST_LABELS.keys()]);
const LABEL_LINE = new RegExp(String.raw`^(${LABELS})(?:\s*\d+)?\s*:?\s*$`, 'iu');
const LABELLED = new RegExp(String.raw`^(${LABELS})(?:\s*\d+)?\s*:\s*`, 'iu');
/** "Country (qualifier) – " or "Org – " before the person. */
const PREFIX = new RegExp(String.raw`^([^–—:]{2,100}?)\s+[–—]\s+(?=(?:${HONORIFIC}\s+)?\p{Lu})`, 'u');
const PERSON = new RegExp(String.raw`^(?:(${HONORIFIC})\s+)?(${NAME_PATTERN}|${CAPITALS_NAME_PATTERN})(?=$|[\s,.(·;:])`, 'u');
const MODERATION = /\s*\((?:moderation|moderator|chair)\)\s*$/i;
const BARE_NAMES = new RegExp(String.raw`^(?:${NAME_PATTERN})(?:\s*(?:,|\band\b)\s*(?:${NAME_PATTERN}))+\.?$`, 'u');


/** "Kask Mihkel" written "Mihkel Kask" elsewhere on the page: that span. */
function naturalOrder(text: string, name: TextSpan, lookedUp: Map<string, number>): TextSpan {
  const words = name.text.split(/\s+/);
  if (words.length < 2) return name;
  const rotated = [...words.slice(1), words[0]].join(' ');
  // One search of the page per distinct name, and a bounded number of them, keeps long lists linear.
  if (!lookedUp.has(rotated) && lookedUp.size < MAX_REORDERED) lookedUp.set(rotated, text.indexOf(rotated));
  const index = lookedUp.get(rotated) ?? -1;
  return index >= 0 ? { text: rotated, start: index } : name;
}

/** One list item: [prefix – ] [honorific] NAME [separator description]. */
function readItem(text: string, item: Line, role: ListRole | undefined, lookedUp: Map<string, number>, marked: boolean): PersonMention | undefined {
  let rest = item.text;
  let offset = item.start;
  let organisation: TextSpan | undefined;
  const prefix = PREFIX.exec(rest);
  if (prefix) {
    const label = prefix[1]!.trim();
    // "WSIS Action Line Facilitator UNESCO": a title and its organisation's acronym.
    const acronym = TITLE_WORD.test(label) ? /(\p{Lu}{2,}[\p{Lu}\d&-]*)$/u.exec(label) : null;
    if (acronym) organisation = { text: acronym[1]!, start: offset + acronym.index };
    else if (LOOKS_LIKE_ORGANISATION.test(label.replace(/\s*\([^()]*\)$/, ''))) organisation = { text: label, start: offset };
    offset += prefix[0].length;
    rest = rest.slice(prefix[0].length);
  }
  const person = PERSON.exec(rest);
  if (!person) return undefined;
  // A line with no bullet or label is an item only as "NAME, ...", "NAME (...)" or a bare name, not a sentence.
  if (!marked && !/^(?:\s*$|,|\s\(|\s[·–-]\s)/u.test(rest.slice(person[0].length))) return undefined;
  const nameText = person[2]!;
  const name = naturalOrder(text, { text: nameText, start: offset + person[0].length - nameText.length }, lookedUp);
  let after = rest.slice(person[0].length);
  let listRole = role;
  if (MODERATION.test(after)) {
    listRole = 'moderator';
    after = after.replace(MODERATION, '');
  }
  // "NAME (Title, Org)": the parentheses hold the description; otherwise the rest of the line does.
  const parenthesised = /^\s\((.*)\)\s*$/su.exec(after);
  const separator = parenthesised ? after.slice(0, after.indexOf('(') + 1) : /^\s*(?:[,.·;:]|\s[-–]\s)?\s*/u.exec(after)![0];
  const described = (parenthesised ? parenthesised[1]! : after.slice(separator.length)).replace(/[\s.;,]+$/, '');
  const empty = described.split(/\s*,\s*/).every((part) => STAKEHOLDER_GROUPS.has(part.replace(/\s*\([^()]*\)$/, '').toLowerCase()) || NOT_DESCRIPTIONS.has(part.toLowerCase()));
  const description = described === '' || empty ? undefined : { text: described, start: offset + person[0].length + separator.length };
  return {
    ...(person[1] !== undefined ? { honorific: person[1].replace(/\s+/g, ' ') } : {}),
    name,
    whole: { text: text.slice(item.start, item.start + item.text.length), start: item.start },
    ...(description !== undefined ? { description } : {}),
    ...(organisation !== undefined ? { organisation } : {}),
    ...(listRole !== undefined ? { listRole } : {}),
    listed: true,
  };
}

/** A line of bare names under a label: "Karin Holmqvist, Wanjiru Kamau-Otieno and ...". */
function bareNames(line: Line, role: ListRole | undefined): PersonMention[] {
  const names = [...line.text.matchAll(new RegExp(NAME_PATTERN, 'gu'))];
  return names.map((match) => {
    const name = { text: match[0], start: line.start + match.index };
    return { name, whole: name, ...(role !== undefined ? { listRole: role } : {}), listed: true };
  });
}

export function findListItems(text: string, from: number, to: number): PersonMention[] {
  const found: PersonMention[] = [];
  let role: ListRole | undefined;
  let underLabel = false;
  const lookedUp = new Map<string, number>();
  for (const line of lines(text, from, to)) {
    const label = LABEL_LINE.exec(line.text);
    if (label) {
      role = LIST_LABELS.get(label[1]!.toLowerCase());
      underLabel = true;
      continue;
    }
    if (line.text.length > MAX_ITEM) {
      underLabel = false;
      role = undefined;
      continue;
    }
    const labelled = LABELLED.exec(line.text);
    const marker = MARKER.exec(line.text);
    if (labelled || marker) {
      const cut = (labelled ?? marker)![0].length;
      const item = { text: line.text.slice(cut), start: line.start + cut, end: line.end };
      const mention = readItem(text, item, labelled ? LIST_LABELS.get(labelled[1]!.toLowerCase()) : role, lookedUp, true);
      if (mention) found.push(mention);
      continue;
    }
    if (!underLabel) continue;
    if (BARE_NAMES.test(line.text)) {
      found.push(...bareNames(line, role));
      continue;
    }
    // Under a label, the list runs while its lines name people; the first other line ends it.
    const mention = readItem(text, line, role, lookedUp, false);
    if (mention) found.push(mention);
    else {
      underLabel = false;
      role = undefined;
    }
  }
  return found;
}
