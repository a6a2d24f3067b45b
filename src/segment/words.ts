/**
 * The word lists header and date reading use (data/header-words.json): publication stamps,
 * category lines, range words, words that say a sentence is about the event. Read once, checked here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

const LISTS = [
  'publicationBefore', 'publicationAfter', 'categoryWords', 'numberedLabels', 'notTitles', 'attendanceModes',
  'rangeOpeners', 'rangeClosers', 'eventWords', 'footers', 'sectionMarkers', 'closingCues',
] as const;

export type HeaderWords = { readonly [K in (typeof LISTS)[number]]: readonly string[] };

export const HEADER_WORDS_PATH = join(PROJECT_ROOT, 'data', 'header-words.json');

export function parseHeaderWords(json: string, path: string): HeaderWords {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const words = {} as Record<(typeof LISTS)[number], readonly string[]>;
  for (const name of LISTS) {
    const list = record[name];
    if (!Array.isArray(list) || !list.every((word): word is string => typeof word === 'string' && word.trim() !== '')) {
      throw new Error(`${path}: "${name}" must be a list of non-empty strings`);
    }
    words[name] = list;
  }
  return words;
}

export const HEADER_WORDS = parseHeaderWords(readFileSync(HEADER_WORDS_PATH, 'utf8'), HEADER_WORDS_PATH);

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** An alternation of the words, longest first, to put inside a group. */
export function wordsPattern(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
}

/** The words as whole words (no letter or digit glued to either side), case-insensitive. */
export function wordsRegExp(words: readonly string[], flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])(?:${wordsPattern(words)})(?![\\p{L}\\d])`, flags);
}
