/**
 * Personal names as reports write them: in capitals ("LENA VON HOHENBERG-STRAUSS"), with particles
 * ("de la", "Ní", "al-"), and with a particle capitalised at the start of a sentence. The particles
 * are data (data/words/name-particles.txt, read by src/text/name-particles.ts).
 */
import { nameIdentity } from '../rdf/iri.js';
import { PARTICLES, type NameParticles } from '../text/name-particles.js';

/** A word written in capitals: two letters or more in upper case, none in lower ("UN", "O'BRIEN", "DA-EUN"). */
export function isAllCaps(word: string): boolean {
  return !/\p{Ll}/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** "brien" -> "Brien": the first character in upper case. */
function capitalise(lower: string): string {
  const [first = '', ...rest] = lower;
  return first.toUpperCase() + rest.join('');
}

/** One part of a word in capitals: "STRAUSS" -> "Strauss", "O'BRIEN" -> "O'Brien", "MCDONALD" -> "McDonald". */
function casePart(part: string, particles: NameParticles): string {
  const lower = part.toLowerCase();
  const elided = /^(\p{L})(['’])(\p{L}.*)$/u.exec(lower);
  if (elided !== null) return `${elided[1]!.toUpperCase()}${elided[2]!}${capitalise(elided[3]!)}`;
  const glued = particles.gluedPrefixes.find((prefix) => lower.startsWith(prefix.toLowerCase()) && lower.length > prefix.length + 1);
  if (glued !== undefined) return glued + capitalise(lower.slice(glued.length));
  return capitalise(lower);
}

/**
 * One word in capitals: a particle as listed when inside the name, a hyphen prefix as listed unless
 * the name starts with it ("Al-Rashid Mohammed"), hyphenated parts each capitalised.
 */
function caseWord(word: string, first: boolean, last: boolean, particles: NameParticles): string {
  const particle = particles.words.get(word.toLowerCase());
  if (particle !== undefined) return first || last ? capitalise(particle.toLowerCase()) : particle;
  return word.split('-').map((part, index, parts) => {
    const prefix = particles.hyphenPrefixes.get(part.toLowerCase());
    if (index === 0 && parts.length > 1 && prefix !== undefined) return first ? capitalise(prefix.toLowerCase()) : prefix;
    return casePart(part, particles);
  }).join('-');
}

/**
 * A name with its words in capitals written in proper case, particles and diacritics kept ("AOIFE
 * NÍ BHRIAIN" -> "Aoife Ní Bhriain"); words with a lower-case letter stay as written ("KASK
 * Mihkel" -> "Kask Mihkel"). A particle word is lower case only inside the name: first or last, it is a
 * name of its own ("VAN DER BERGHE" -> "Van der Berghe").
 */
export function properCase(name: string, particles: NameParticles = PARTICLES): string {
  const pieces = name.split(/(\s+)/);
  const words = pieces.flatMap((piece, index) => (index % 2 === 0 && piece !== '' ? [index] : []));
  const [first, last] = [words[0], words[words.length - 1]];
  return pieces.map((piece, index) => (index % 2 === 1 || piece === '' || /\p{Ll}/u.test(piece)
    ? piece
    : caseWord(piece, index === first, index === last, particles))).join('');
}

/**
 * What two mentions of one name share: case, diacritics, hyphens and apostrophes ignored ("Van der
 * Berghe" = "van der Berghe", "José Al-Rashid" = "Jose al Rashid"). The same folding as the name's
 * IRI (src/rdf/iri.ts), so names with one key get one IRI.
 */
export function sameNameKey(name: string): string {
  return nameIdentity(name);
}
