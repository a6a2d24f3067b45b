/** What a person's name looks like in the observatory's prose. */
import { isPlausibleName } from '../text/name-words.js';
import { PARTICLES } from '../text/name-particles.js';

/** Particles as written inside names: "Jean-Marie le Goff", "Pieter de Vries", "Seán Ó Briain". */
const NAME_PARTICLES = [...PARTICLES.words.values()];

/**
 * A capitalised word with a lower-case letter (so not an acronym): Jean-Marie, O’Brien, McDonald;
 * or a word of a script without letter case (Arabic, Hebrew, Chinese...).
 */
const NAME_WORD = String.raw`(?:\p{Lu}(?:[’']\p{Lu})?\p{Ll}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*|\p{Lo}[\p{Lo}\p{M}]+)`;
const PARTICLE = `(?:${NAME_PARTICLES.join('|')})`;
/** Spaces, or one line break (a name wrapped in a paragraph): a name never runs across a blank line. */
const SPACE = String.raw`(?:[^\S\n]*\n(?![^\S\n]*\n)[^\S\n]*|[^\S\n]+)`;

/**
 * Two to five name words, up to two particles between them: "Barbara Rosen Jacobson", "Jean-Marie
 * le Goff", "Marguerite van der Berghe", "Hyun-woo Seol".
 */
export const NAME_PATTERN = String.raw`${NAME_WORD}(?:${SPACE}(?:${PARTICLE}${SPACE}){0,2}${NAME_WORD}){1,4}`;

/** A word in capitals, as programmes print names: "DELACROIX-ABBAS", "O’BRIEN". */
const CAPITALS_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}'’]+(?:-\p{Lu}[\p{Lu}\p{M}'’]*)*`;
const CAPITALS_PARTICLE = `(?:${NAME_PARTICLES.map((particle) => particle.toUpperCase()).join('|')})`;

/** A name in capitals ("LENA VON HOHENBERG-STRAUSS"), read only where a list line names a person. */
export const CAPITALS_NAME_PATTERN = String.raw`${CAPITALS_WORD}(?:${SPACE}(?:${CAPITALS_PARTICLE}${SPACE}){0,2}${CAPITALS_WORD}){1,4}`;

/** Whether a short line is nothing but a person's name (a reporter line). */
export function isNameLine(line: string): boolean {
  const text = line.trim();
  if (text.length < 5 || text.length > 60) return false;
  return new RegExp(`^${NAME_PATTERN}$`, 'u').test(text) && isPlausibleName(text);
}
