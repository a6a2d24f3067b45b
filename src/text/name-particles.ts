/**
 * Particles of personal names ("von", "de la", "Ní", "al-", "Mc"): data/words/name-particles.txt,
 * read once. Segmentation's name pattern lets them stand inside a name; extraction writes names
 * given in capitals with them (src/extract/name-case.ts).
 */
import { readFileSync } from 'node:fs';
import { parseWordList, wordListPath } from './word-lists.js';

export interface NameParticles {
  /** Lower case -> as written inside a name: "von" -> "von", "ní" -> "Ní". */
  readonly words: ReadonlyMap<string, string>;
  /** Lower case, without the hyphen -> as written: "al" -> "al". */
  readonly hyphenPrefixes: ReadonlyMap<string, string>;
  /** As written: "Mc". */
  readonly gluedPrefixes: readonly string[];
}

export const NAME_PARTICLES_FILE = wordListPath('name-particles');

/** Reads the particle list; a line that is neither a word, "word-" nor "Word+" is an error naming file and line. */
export function parseNameParticles(text: string, source: string): NameParticles {
  const words = new Map<string, string>();
  const hyphenPrefixes = new Map<string, string>();
  const gluedPrefixes: string[] = [];
  for (const entry of parseWordList(text)) {
    const match = /^(\p{L}+)([-+]?)$/u.exec(entry.text);
    if (match === null) throw new Error(`${source}:${entry.line}: ${JSON.stringify(entry.text)} is not a particle (a word, "word-" or "Word+")`);
    const particle = match[1]!;
    const kind = match[2];
    if (kind === '-') hyphenPrefixes.set(particle.toLowerCase(), particle);
    else if (kind === '+') gluedPrefixes.push(particle);
    else words.set(particle.toLowerCase(), particle);
  }
  return { words, hyphenPrefixes, gluedPrefixes };
}

export const PARTICLES: NameParticles = parseNameParticles(readFileSync(NAME_PARTICLES_FILE, 'utf8'), NAME_PARTICLES_FILE);

/** Whether a word is a name particle in any case ("von", "Von", "VON", "ní"). */
export function isParticle(word: string, particles: NameParticles = PARTICLES): boolean {
  return particles.words.has(word.toLowerCase());
}

