/**
 * The word lists segmentation and extraction read (data/words/*.txt, described in
 * data/words/README.md): what observatory pages have in common, so a new honorific or footer line
 * is a line of data, not a change of code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const WORDS_DIR = join(PROJECT_ROOT, 'data', 'words');

export interface WordListEntry {
  readonly text: string;
  /** 1-based, for errors that name the line. */
  readonly line: number;
}

/** One entry a line; "#" at a line's start or after white space starts a comment; blank lines are left out. */
export function parseWordList(text: string): WordListEntry[] {
  const entries: WordListEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const entry = raw.replace(/(^|\s)#.*$/, '').trim();
    if (entry !== '') entries.push({ text: entry, line: index + 1 });
  });
  return entries;
}

/** The path of data/words/NAME.txt. */
export function wordListPath(name: string): string {
  return join(WORDS_DIR, `${name}.txt`);
}

/** The entries of data/words/NAME.txt with their line numbers; a list without entries is an error naming the file. */
export function wordListEntries(name: string): WordListEntry[] {
  const path = wordListPath(name);
  const entries = parseWordList(readFileSync(path, 'utf8'));
  if (entries.length === 0) throw new Error(`${path}: the word list has no entries`);
  return entries;
}

/** The entries of data/words/NAME.txt. */
export function wordList(name: string): string[] {
  return wordListEntries(name).map((entry) => entry.text);
}
