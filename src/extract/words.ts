/**
 * The word lists of extraction (data/words/*.txt, described in data/words/README.md), read once
 * and compiled into patterns.
 */
import { literalAlternation } from '../text/literal-patterns.js';
import { wordList, wordListEntries, wordListPath } from '../text/word-lists.js';
import { ORGANISATION_WORDS, TITLE_HEADS } from '../text/name-words.js';
import { COUNTRIES } from './countries.js';

/** Honorifics, each with an optional dot: "Dr" matches "Dr" and "Dr."; "H.E." may precede another. */
const honorifics = wordList('honorifics');
const HONORIFIC_WORDS = literalAlternation(honorifics.filter((word) => word !== 'H.E.').map((word) => word.replace(/\.$/, '')));
export const HONORIFIC = String.raw`(?:H\.\s?E\.(?:\s+(?:${HONORIFIC_WORDS})\.?(?!\p{L}))?|(?:${HONORIFIC_WORDS})\.?(?!\p{L}))`;

/** A title head, possibly with a hyphenated prefix ("Vice-Director"); case-insensitive patterns compose it. */
export const TITLE_HEAD = String.raw`(?:\p{L}+-)?(?:${literalAlternation(TITLE_HEADS)})(?![\p{L}-])`;
export const TITLE_WORD = new RegExp(String.raw`(?<![\p{L}-])${TITLE_HEAD}`, 'iu');
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(wordList('title-modifiers'));

export const ORGANISATION_CUES = new RegExp(String.raw`\b(?:${ORGANISATION_WORDS})\b`, 'u');
/** An organisation word, an acronym or a CamelCase brand ("DiploFoundation") somewhere in a phrase. */
export const LOOKS_LIKE_ORGANISATION = new RegExp(String.raw`${ORGANISATION_CUES.source}|\b\p{Lu}{2,}\b|\p{Ll}\p{Lu}`, 'u');

export const CLAUSE_VERB = new RegExp(String.raw`\s+(?:${literalAlternation(wordList('clause-verbs'))})\b`);

/** Stakeholder and regional group labels, compared in lower case. */
export const STAKEHOLDER_GROUPS: ReadonlySet<string> = new Set(wordList('stakeholder-groups').map((label) => label.toLowerCase()));

function labelledCues(file: string, kind: string): RegExp[] {
  return wordList(file)
    .filter((line) => line.startsWith(`${kind}:`))
    .map((line) => new RegExp(line.slice(kind.length + 1).trim(), 'iu'));
}

export const MODERATOR_CUES = { before: labelledCues('moderator-cues', 'before'), after: labelledCues('moderator-cues', 'after') } as const;

const LIST_ROLES = ['speaker', 'moderator', 'organiser', 'reporter'] as const;
export type ListRole = typeof LIST_ROLES[number];

function isListRole(role: string): role is ListRole {
  return (LIST_ROLES as readonly string[]).includes(role);
}

/** List label (lower case) -> the role of the people it introduces. */
export const LIST_LABELS: ReadonlyMap<string, ListRole> = new Map(wordListEntries('list-labels').map(({ text, line }) => {
  const [label = '', role = ''] = text.split('\t').map((part) => part.trim());
  if (!isListRole(role)) throw new Error(`${wordListPath('list-labels')}:${line}: "${text}" names no known role (${LIST_ROLES.join(', ')})`);
  return [label.toLowerCase(), role];
}));

/** Organisations stated around a name without a title: group 1 of each pattern. */
export const AFFILIATION_CUES = { before: labelledCues('affiliation-cues', 'before'), after: labelledCues('affiliation-cues', 'after') } as const;

export const NOT_DESCRIPTIONS: ReadonlySet<string> = new Set(wordList('not-descriptions').map((entry) => entry.toLowerCase()));

export const ORGANISATION_DESCRIPTORS = new RegExp(String.raw`^(?:the\s+|a\s+)?(?:\p{L}+\s+){0,2}?(?:${literalAlternation(wordList('org-descriptors'))})\s+(?=\p{Lu})`, 'iu');

const REGIONS: ReadonlySet<string> = new Set(wordList('regions').map((name) => name.toLowerCase()));

/** Whether a name is a country's or a region's ("Sweden", "the Netherlands", "Asia Pacific"), which is no organisation. */
export function isCountry(name: string): boolean {
  const bare = name.trim().replace(/\s*\([^()]*\)$/, '');
  return COUNTRIES.byName(bare) !== undefined || REGIONS.has(bare.replace(/^the\s+/i, '').toLowerCase());
}

const GENERIC_WORDS = literalAlternation(wordList('generic-organisation-words'));
/** "Foundation" alone: a back-reference. */
export const GENERIC_ORGANISATION = new RegExp(String.raw`^(${GENERIC_WORDS})$`, 'u');
/** A capitalised name ending in a generic organisation word, which a back-reference may stand for. */
export const BACK_REFERENCE_TARGET = new RegExp(
  String.raw`(?<![\p{L}])((?:\p{Lu}[\p{L}&-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){1,6}(?:${GENERIC_WORDS}))(?![\p{L}])`, 'gu');

/** A period after an honorific, an initial or a listed abbreviation ("Prof.", "M.", "St.") ends no sentence. */
export const ABBREVIATION_BEFORE_PERIOD = new RegExp(
  String.raw`(?:(?<![\p{L}.])(?:${HONORIFIC})|(?<![\p{L}])\p{Lu}|(?<![\p{L}])(?:${literalAlternation(wordList('abbreviations'))}))$`, 'u');
