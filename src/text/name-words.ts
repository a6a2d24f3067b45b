/**
 * What tells a person's name from other capitalised phrases: title heads, organisation words and
 * words that never stand in a name (data/words). Segmentation reads names in headers with it and
 * extraction in the reports, so it lives below both.
 */
import { wordList } from './word-lists.js';

/** Words that make a phrase a job title, whatever their case ("Director", "senior advisor"). */
export const TITLE_HEADS = wordList('title-heads');
const TITLE_HEAD_SET: ReadonlySet<string> = new Set(TITLE_HEADS.map((head) => head.toLowerCase()));

/** Whether a whole word is a title head ("Director", "Vice-Director"): a set look-up, as it runs per word. */
export function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase();
  const hyphen = lower.indexOf('-');
  return TITLE_HEAD_SET.has(lower) || (hyphen > 0 && TITLE_HEAD_SET.has(lower.slice(hyphen + 1)));
}

/** Organisation words, matched as written ("Programme"; "Organi[sz]ation" is a pattern): an alternation. */
export const ORGANISATION_WORDS = wordList('organisation-words').join('|');
/** Whether one whole word is an organisation word ("Institute" is; "Institutes" is not, unless listed). */
export const ORGANISATION_WORD = new RegExp(String.raw`^(?:${ORGANISATION_WORDS})$`, 'u');

export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(wordList('not-name-words'));

/** Whether a capitalised phrase can be a person's name: no sentence opener, organisation, title or calendar word. */
export function isPlausibleName(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length >= 2 && words.every((word) => !NOT_NAME_WORDS.has(word) && !isTitleWord(word) && !word.split('-').some((part) => ORGANISATION_WORD.test(part)));
}
