/**
 * Finds the people a report introduces, in the ways observatory pages do: after an honorific
 * ("Mr Einar Bjorgo", "H.E. Dr. NAME", "Amb. NAME"), after a title and organisation written before
 * the name ("ITU Secretary-General NAME", "Microsoft’s President NAME", "the Mayor of Lausanne,
 * NAME"), or by the description that follows a plain name ("NAME, senior advisor at X", "NAME
 * (Title, Org)"); list lines are read by list-items.ts. Each introduction keeps the description
 * that follows the name, up to where the next person's introduction starts.
 */
import { NAME_PATTERN } from '../segment/names.js';
import { matchesOf } from '../text/scan.js';
import { overlapTest, spanEnd, splitOutsideParentheses, type TextSpan } from './text-span.js';
import {
  ABBREVIATION_BEFORE_PERIOD, AFFILIATION_CUES, CLAUSE_VERB, HONORIFIC, isCountry, LOOKS_LIKE_ORGANISATION, NOT_DESCRIPTIONS, STAKEHOLDER_GROUPS,
  TITLE_MODIFIERS, TITLE_WORD, type ListRole,
} from './words.js';
import { isPlausibleName, isTitleWord, NOT_NAME_WORDS } from '../text/name-words.js';
import { findListItems } from './list-items.js';
import { COUNTRIES } from './countries.js';

export interface PersonMention {
  readonly honorific?: string;
  readonly name: TextSpan;
  /** The whole introduction: what stands before the name, the name and its description. */
  readonly whole: TextSpan;
  /** Title and organisation text after the name, if any. */
  readonly description?: TextSpan;
  /** Title and/or organisation stated before the name ("ITU Secretary-General", "Microsoft’s President"). */
  readonly before?: { readonly organisation?: TextSpan; readonly title?: string; readonly backReference?: boolean };
  /** An organisation stated around the name without a title ("Speaking for X, NAME"). */
  readonly organisation?: TextSpan;
  /** The role a list label gives ("Moderators:", "Chair:"). */
  readonly listRole?: ListRole;
  /** Found as an item of a list: kept even when nothing describes the person. */
  readonly listed?: boolean;
}


const MAX_DESCRIPTION = 400;
/** How far before a name its title and organisation may stand. */
const MAX_BEFORE = 160;
/** How long a title written right before a name may be. */
const MAX_TITLE_BEFORE = 100;

const NAME = new RegExp(NAME_PATTERN, 'gu');
const HONORIFIC_BEFORE = new RegExp(String.raw`(?<![\p{L}.])(${HONORIFIC})\s+$`, 'u');
/** "the Mayor of Lausanne, ", "its head of digital credentials, ", "The panel's moderator, ". */
const COMMA_TITLE_BEFORE = /^.*(?:^|[\s(])([Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[Hh]is|[Hh]er|[\p{Lu}][\p{L}&.-]*(?:\s+[\p{Lu}][\p{L}&.-]*){0,4}[’']s)\s+([^,.;:()"“”]{2,90}?),\s+$/su;
const POSSESSIVE_BEFORE = /(?<![\p{L}])(\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*){0,4})[’']s\s+$/u;
const ORGANISATION_BEFORE = /(?<![\p{L}])((?:\p{Lu}[\p{L}&.-]*\s+(?:(?:of|for|on)\s+(?:the\s+)?)?){0,6}\p{Lu}[\p{L}&.-]*(?:\s+\(\p{Lu}[\p{L}&.-]*\))?)\s+$/u;


const SESSION_ROLE = /\b(?:moderator|chair|facilitator|host|rapporteur|speaker|panell?ist)s?$/i;

/** Where the sentence holding `index` starts. */
function sentenceStart(text: string, index: number, floor: number): number {
  const low = Math.max(floor, index - MAX_BEFORE);
  const window = text.slice(low, index);
  const ends = [...window.matchAll(/[.!?]["”’]?\s+|\n/g)].filter((end) => window[end.index] !== '.' || !ABBREVIATION_BEFORE_PERIOD.test(window.slice(0, end.index)));
  const last = ends.at(-1);
  return last === undefined ? low : low + last.index + last[0].length;
}

/** Words that may open a capitalised run before the name itself: "Microsoft’s President", "High Commissioner Mr". */
function isLeadingWord(word: string): boolean {
  return NOT_NAME_WORDS.has(word) || TITLE_MODIFIERS.has(word) || isTitleWord(word) || /[’']s$/.test(word) || new RegExp(`^(?:${HONORIFIC})$`, 'u').test(word);
}

/** The name in a capitalised run, without the words before it that are no part of it ("Swiss Ambassador NAME"). */
function trimName(match: RegExpExecArray): TextSpan | undefined {
  const words = match[0].split(/(\s+)/);
  let skipped = 0;
  for (let index = 0; index < words.length - 2; index += 2) {
    // "Professor NAME’s opening remarks": the name without the possessive.
    const text = match[0].slice(skipped).replace(/[’']s$/, '');
    if (!isLeadingWord(words[index]!) && isPlausibleName(text)) return { text, start: match.index + skipped };
    skipped += words[index]!.length + words[index + 1]!.length;
  }
  return undefined;
}

interface Before {
  readonly start: number;
  readonly honorific?: string;
  readonly title?: string;
  readonly organisation?: TextSpan;
  readonly backReference?: boolean;
  readonly cueOrganisation?: TextSpan;
}

/** Reads a title phrase written right before a name, word by word backwards: "Deputy Secretary-General". */
function titleBefore(text: string, end: number, sentenceFloor: number): { start: number; title: string } | undefined {
  // A title before a name is a few words: the last stretch of the sentence is enough.
  const floor = Math.max(sentenceFloor, end - MAX_TITLE_BEFORE);
  const words = [...text.slice(floor, end).matchAll(/[\p{L}&-]+/gu)];
  let first = words.length;
  while (first > 0) {
    const word = words[first - 1]!;
    const between = text.slice(floor + word.index + word[0].length, first < words.length ? floor + words[first]!.index : end);
    if (!/^\s+$/.test(between)) break;
    if (!isTitleWord(word[0]) && !TITLE_MODIFIERS.has(word[0])) break;
    first -= 1;
  }
  const taken = words.slice(first);
  while (taken.length > 0 && !isTitleWord(taken[0]![0]) && !/^\p{Lu}/u.test(taken[0]![0])) taken.shift();
  while (taken.length > 0 && (taken[0]![0] === '&' || taken[0]![0] === 'and')) taken.shift();
  if (!taken.some((word) => isTitleWord(word[0]))) return undefined;
  const start = floor + taken[0]!.index;
  return { start, title: text.slice(start, end).trim() };
}

function before(text: string, nameStart: number, floor: number): Before {
  const from = sentenceStart(text, nameStart, floor);
  let end = nameStart;
  let honorific: string | undefined;
  const honorificMatch = HONORIFIC_BEFORE.exec(text.slice(from, end));
  if (honorificMatch) {
    honorific = honorificMatch[1]!.replace(/\s+/g, ' ');
    end = from + honorificMatch.index;
  }
  const prefix = text.slice(from, end);
  const cue = AFFILIATION_CUES.before.map((pattern) => pattern.exec(prefix)).find((match) => match !== null);
  const cueOrganisation = cue ? { text: cue[1]!.replace(/^the\s+/i, ''), start: from + cue.index + cue[0].indexOf(cue[1]!) + (/^the\s+/i.exec(cue[1]!)?.[0].length ?? 0) } : undefined;
  const commaTitle = /,\s+$/.test(prefix) ? COMMA_TITLE_BEFORE.exec(prefix) : null;
  // "The session moderator, NAME": a role in the session (the moderator cues read it), not a job title.
  if (commaTitle && TITLE_WORD.test(commaTitle[2]!) && !SESSION_ROLE.test(commaTitle[2]!)) {
    const determiner = commaTitle[1]!;
    const phraseIndex = commaTitle[0].lastIndexOf(commaTitle[2]!);
    const phraseStart = from + commaTitle.index + commaTitle[0].lastIndexOf(determiner, phraseIndex);
    const possessive = /^(.*)[’']s$/su.exec(determiner);
    const organisation = possessive && LOOKS_LIKE_ORGANISATION.test(possessive[1]!) ? { text: possessive[1]!, start: phraseStart } : undefined;
    return {
      start: phraseStart, honorific, title: commaTitle[2]!.trim(), organisation,
      backReference: /^(?:its|their|our)$/i.test(determiner), cueOrganisation,
    };
  }
  const title = titleBefore(text, end, from);
  let start = honorificMatch ? end : nameStart;
  let organisation: TextSpan | undefined;
  if (title) {
    start = title.start;
    const head = text.slice(from, title.start);
    // "delivered by its policy lead NAME": the organisation the page named before.
    const pronoun = /(?<![\p{L}])([Ii]ts|[Tt]heir|[Oo]ur)\s+$/u.exec(head);
    if (pronoun) return { start: from + pronoun.index, honorific, title: title.title, backReference: true, cueOrganisation };
    const possessive = POSSESSIVE_BEFORE.exec(head) ?? ORGANISATION_BEFORE.exec(head);
    if (possessive && (LOOKS_LIKE_ORGANISATION.test(possessive[1]!) || POSSESSIVE_BEFORE.test(head))) {
      organisation = { text: possessive[1]!, start: from + possessive.index };
      start = organisation.start;
    }
  } else {
    // "Concord Tech's NAME": the possessive before a person is their organisation, unless a country's.
    const possessive = POSSESSIVE_BEFORE.exec(text.slice(from, end));
    if (possessive && !isCountry(possessive[1]!) && !NOT_NAME_WORDS.has(possessive[1]!)) {
      organisation = { text: possessive[1]!, start: from + possessive.index };
      start = organisation.start;
    }
  }
  // "Swiss Ambassador NAME": a qualified title-like honorific is the title.
  const qualifier = honorific !== undefined && title === undefined ? /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+$/u.exec(text.slice(from, end)) : null;
  const qualifiedTitle = qualifier && isTitleWord(honorific!) && COUNTRIES.byAdjective(qualifier[1]!) !== undefined ? `${qualifier[1]} ${honorific}` : undefined;
  if (qualifiedTitle) start = from + qualifier!.index;
  return { start, honorific, title: title?.title ?? qualifiedTitle, organisation, cueOrganisation };
}

/** The parts between commas outside parentheses. */
function commaParts(text: string): string[] {
  return splitOutsideParentheses({ text, start: 0 }, /,/).map((part) => part.text);
}

/** Description parts that say nothing of the person: stakeholder groups, photo directions. */
function isEmptyPart(part: string): boolean {
  const trimmed = part.trim().replace(/\s*\([^()]*\)$/, '').toLowerCase();
  return STAKEHOLDER_GROUPS.has(trimmed) || NOT_DESCRIPTIONS.has(trimmed);
}

const SENTENCE_END = /\.(?=\s+[\p{Lu}‘“"(])|\.?\s*$|[:;\n]/gu;

/** Where the sentence of `rest` ends: ". " before a capital (not after "St." or an initial), ":", ";" or a line end. */
function sentenceEndIn(rest: string): number {
  for (const match of matchesOf(SENTENCE_END, rest)) {
    if (match[0] === '.' && ABBREVIATION_BEFORE_PERIOD.test(rest.slice(Math.max(0, match.index - 12), match.index))) continue;
    return match.index;
  }
  return rest.length;
}

/** The description after a name: "(...)", " of/from ORG", or ", ..., ..." up to the clause that follows it. */
export function descriptionAfter(text: string, nameEnd: number, limit: number): TextSpan | undefined {
  // Descriptions are a few hundred characters at most; looking further would make long texts quadratic.
  const rest = text.slice(nameEnd, Math.min(limit, nameEnd + MAX_DESCRIPTION));
  if (rest.startsWith(' (')) {
    let depth = 0;
    let close = -1;
    for (let index = 1; index < rest.length; index += 1) {
      if (rest[index] === '(') depth += 1;
      if (rest[index] === ')' && --depth === 0) { close = index; break; }
    }
    // Unclosed: a description only where the page (or section) ends inside it, cut off.
    if (close < 0 && nameEnd + rest.length < limit) return undefined;
    const inner = rest.slice(2, close < 0 ? rest.length : close);
    return isEmptyPart(inner) || inner.trim() === '' ? undefined : { text: inner, start: nameEnd + 2 };
  }
  // "Ms Jane Holt from the University of Oxford chaired ...": the organisation up to the next clause.
  const preposition = /^ (?:from|of) (?=(?:the )?\p{Lu})/u.exec(rest);
  if (preposition) {
    const phrase = rest.slice(preposition[0].length);
    const stop = /[,;:(]|\.(?=\s|$)|\s+(?:and(?!\s+\p{Lu})|who|which)\s/u.exec(phrase);
    const verb = CLAUSE_VERB.exec(phrase);
    const length = Math.min(stop ? stop.index : phrase.length, verb ? verb.index : phrase.length);
    const acronym = /^\s*\([\p{Lu}\d&-]{2,}\)/u.exec(phrase.slice(length));
    const text = phrase.slice(0, length + (acronym ? acronym[0].length : 0)).trim();
    // Only an organisation follows here, never a title; "of Kenya", "from Seoul" are not kept.
    return LOOKS_LIKE_ORGANISATION.test(text) ? { text, start: nameEnd + preposition[0].length } : undefined;
  }
  if (!rest.startsWith(',')) return undefined;
  // The sentence ends at ". " before a capital, or at the end of the paragraph.
  const sentence = rest.slice(1, sentenceEndIn(rest));
  // Comma-separated parts after the name belong to it while they start with a capital, "(" or a
  // title word; the first part always does (lower-case titles: "co-director of ...").
  let length = 0;
  for (const [index, part] of commaParts(sentence).entries()) {
    const trimmed = part.trim();
    if (index > 0 && !/^(?:\p{Lu}|\(|the \p{Lu})/u.test(trimmed) && !TITLE_WORD.test(trimmed.split(/\s+/).slice(0, 3).join(' '))) break;
    if (/^(?:who|which|whose|where|when)\b/.test(trimmed)) break;
    const verb = CLAUSE_VERB.exec(part);
    if (verb && verb.index > 0) {
      length += verb.index;
      break;
    }
    if (verb && verb.index === 0) break;
    length += part.length + 1;
  }
  const description = sentence.slice(0, Math.min(length, sentence.length)).replace(/[\s,]+$/, '').replace(/\s+(?:and|&)$/, '');
  const leading = description.length - description.trimStart().length;
  const kept = description.trim().replace(/^(?:an?|the)\s+(?=\p{Ll})/u, '');
  if (kept === '' || commaParts(kept).every(isEmptyPart) || !describesPerson(kept)) return undefined;
  return { text: kept, start: nameEnd + 1 + leading + (description.trim().length - kept.length) };
}

/**
 * A title word in its first part, or an organisation: "fewer than a third of ..." describes nobody.
 * Text in a script without letter case is not judged by these English cues.
 */
function describesPerson(description: string): boolean {
  return TITLE_WORD.test(commaParts(description)[0]!) || /^\p{Lo}/u.test(description) || (/^(?:the\s+)?\p{Lu}/u.test(description) && LOOKS_LIKE_ORGANISATION.test(description));
}

/** An organisation the text ties to the name after its description ("NAME, who represented X"). */
function organisationAfter(text: string, end: number, limit: number): TextSpan | undefined {
  const rest = text.slice(end, Math.min(limit, end + MAX_DESCRIPTION));
  for (const pattern of AFFILIATION_CUES.after) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const organisation = match[1]!.replace(/^the\s+/i, '');
    return { text: organisation, start: end + match.index + match[0].indexOf(match[1]!) + (match[1]!.length - organisation.length) };
  }
  return undefined;
}

interface NameHit {
  readonly name: TextSpan;
  readonly before: Before;
}

/**
 * A line of keywords or tags ("ITU, Oman, Muscat, Digital Inclusion, NAME, Broadband, ..."): many
 * short comma-separated items and no sentence. Names in it are tags, not introductions.
 */
function keywordLines(text: string, from: number, to: number): TextSpan[] {
  const found: TextSpan[] = [];
  for (const line of text.slice(from, to).matchAll(/[^\n]+/g)) {
    const items = line[0].split(',');
    if (items.length >= 6 && !/[.!?]\s/.test(line[0]) && items.every((item) => item.trim().split(/\s+/).length <= 4)) {
      found.push({ text: line[0], start: from + line.index });
    }
  }
  return found;
}

/** Every plausible name in running text with what stands before it. */
function nameHits(text: string, from: number, to: number, listed: readonly TextSpan[]): NameHit[] {
  const hits: NameHit[] = [];
  const isTaken = overlapTest([...listed, ...keywordLines(text, from, to)]);
  for (const match of matchesOf(NAME, text, from, to)) {
    const name = trimName(match);
    if (name === undefined) continue;
    if (isTaken(name.start, spanEnd(name))) continue;
    hits.push({ name, before: before(text, name.start, from) });
  }
  return hits;
}

/**
 * Whether what follows a plain name (no honorific or title before it) makes it a person: a title
 * word or an organisation; in parentheses, an organisation and a place ("NAME (Org, Country)"), but
 * never a lone acronym ("Progressive Communications (APC)" expands an acronym).
 */
function describedEnough(description: TextSpan, parenthesised: boolean): boolean {
  if (parenthesised && /^\p{Lu}[\p{Lu}\d&-]+$/u.test(description.text.trim())) return false;
  if (TITLE_WORD.test(description.text) || LOOKS_LIKE_ORGANISATION.test(description.text)) return true;
  return parenthesised && /^\p{Lu}[^()]*,\s*\p{Lu}/u.test(description.text) && isCountry(description.text.split(',').at(-1)!.trim());
}

/**
 * Whether a name starts another introduction: a cue before it, or a separator before it and a
 * description after it ("..., Amela Hodžić, Mayor of Mostar, ..."). A description ends there.
 */
function startsIntroduction(text: string, hit: NameHit): boolean {
  if (hit.before.honorific !== undefined || hit.before.title !== undefined || hit.before.organisation !== undefined) return true;
  const previous = text.slice(Math.max(0, hit.name.start - 6), hit.name.start);
  const next = text.slice(spanEnd(hit.name), spanEnd(hit.name) + 120);
  return /(?:[,;:]|\band|^)\s*$/.test(previous) && (next.startsWith(' (') || (next.startsWith(',') && describesPerson(next.slice(1).trim())));
}

/** The people introduced in text[from, to). */
export function findMentions(text: string, from: number, to: number): PersonMention[] {
  const listed = findListItems(text, from, to);
  const hits = nameHits(text, from, to, listed.map((item) => item.whole));
  const boundaries = hits.filter((hit) => startsIntroduction(text, hit)).map((hit) => hit.before.start);
  const mentions: PersonMention[] = [];
  let coveredUntil = from;
  let boundary = 0;
  for (const hit of hits) {
    // Hits come in text order: the next boundary is found by walking on, never from the start.
    while (boundary < boundaries.length && boundaries[boundary]! <= hit.name.start) boundary += 1;
    if (hit.name.start < coveredUntil) continue;
    const next = boundaries[boundary] ?? to;
    // A description in parentheses closes itself; one after a comma ends where the next introduction starts.
    const parenthesised = text.startsWith(' (', spanEnd(hit.name));
    const description = descriptionAfter(text, spanEnd(hit.name), parenthesised ? to : Math.min(to, next));
    const descriptionEnd = description ? spanEnd(description) : spanEnd(hit.name);
    const organisation = hit.before.cueOrganisation ?? organisationAfter(text, descriptionEnd, Math.min(to, next));
    const { honorific, title } = hit.before;
    const cued = honorific !== undefined || title !== undefined || hit.before.organisation !== undefined;
    if (!cued && description === undefined && organisation === undefined) continue;
    if (!cued && organisation === undefined && !describedEnough(description!, parenthesised)) continue;
    const end = Math.max(descriptionEnd, organisation ? spanEnd(organisation) : 0);
    mentions.push({
      ...(honorific !== undefined ? { honorific } : {}),
      name: hit.name,
      description,
      ...(title !== undefined || hit.before.organisation !== undefined
        ? { before: { organisation: hit.before.organisation, title, backReference: hit.before.backReference } } : {}),
      ...(organisation !== undefined ? { organisation } : {}),
      whole: { text: text.slice(hit.before.start, end), start: hit.before.start },
    });
    coveredUntil = end;
  }
  return [...listed, ...mentions].sort((a, b) => a.whole.start - b.whole.start);
}
