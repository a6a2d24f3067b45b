/** Minting of stable, readable IRIs: one path segment per kind of resource, slugs without "/". */
import { createHash } from 'node:crypto';
import anyAscii from 'any-ascii';
import type { NamedNode, DataFactory } from '@rdfjs/types';
import { DEFAULT_BASE, type ResourceKind } from './namespaces.js';

/**
 * Marks a writer may leave out without naming someone else: Latin, Greek and Cyrillic diacritics
 * ("José" = "Jose"), Arabic short vowels and tatweel, Hebrew points. Other marks (Devanagari vowel
 * signs, Japanese voicing marks) change the name and are kept.
 */
const OPTIONAL_MARKS = /[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670]/gu;

/** A letter any-ascii can only approximate (another script than Latin): its slug may be shared. */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/** Scripts whose characters are syllables, transliterated "WangXiaoMing": spaced so slugs read "wang-xiao-ming". */
const SYLLABIC_CHARACTER = /[\p{Script=Han}\p{Script=Hangul}]/gu;

/** The text with compatibility forms unified, optional marks dropped, lower case (Greek final sigma as σ). */
function foldName(text: string): string {
  return text.normalize('NFKC').normalize('NFD').replace(OPTIONAL_MARKS, '').normalize('NFC').toLowerCase().replace(/ς/g, 'σ');
}

/**
 * What makes two names one, as lower-case words separated by single spaces. Latin-script text is
 * compared by its transliteration ("Straße" = "Strasse", "José" = "Jose"); text with letters of
 * another script by its own letters, folded ("ΣΩΚΡΑΤΗΣ" = "Σωκράτης", "Иван Петров" ≠ "Ivan Petrov").
 */
export function nameIdentity(text: string): string {
  const folded = foldName(text);
  return (NON_LATIN_LETTER.test(folded) ? folded : transliterate(folded).toLowerCase()).replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();
}

/** First 8 hex digits of the SHA-256 of a name's identity: 32 bits tell apart the few names that share a slug. */
function identityHash(text: string): string {
  return createHash('sha256').update(nameIdentity(text)).digest('hex').slice(0, 8);
}

/** Readable ASCII of a folded text: any-ascii, with Greek "ου" as "ou" (ELOT 743) and syllables spaced. */
function transliterate(folded: string): string {
  return anyAscii(folded.replace(/ου/g, 'ou').replace(SYLLABIC_CHARACTER, (character) => ` ${anyAscii(character)} `));
}

const MAX_SLUG = 80;

/** [a-z0-9] runs joined by "-", at most `length` characters, no dash at either end. */
function slugText(text: string, length: number): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, length).replace(/-+$/, '');
}

/**
 * ASCII slug of a text, readable and without "/": diacritics folded ("Renée Larivière" ->
 * "renee-lariviere"), other scripts transliterated ("Иван Петров" -> "ivan-petrov-…"), anything
 * else than [a-z0-9] collapsed to "-". A text in the Latin script slugs to its letters alone; one
 * with letters of another script also gets the hash of its identity, because transliteration
 * loses distinctions ("王伟" and "汪伟" both read "wang-wei"). So a slug depends on its text only:
 * the same name gives the same slug in every report and build, and two names share a slug only
 * when they differ in case, diacritics or punctuation (see README, "Identity of people and
 * organisations"). Empty input gives "x" so an IRI never ends with its kind's "/".
 */
export function slugify(text: string): string {
  const folded = foldName(text);
  const readable = transliterate(folded);
  if (!NON_LATIN_LETTER.test(folded)) return slugText(readable, MAX_SLUG) || 'x';
  const suffix = identityHash(text);
  return `${slugText(readable, MAX_SLUG - suffix.length - 1) || 'x'}-${suffix}`;
}

/** Checks a user-given base IRI and ends it with "/" or "#" so kinds append cleanly. */
export function normaliseBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`--base ${JSON.stringify(base)} is not an absolute IRI (e.g. ${DEFAULT_BASE})`);
  }
  if (!/^https?:$/.test(url.protocol)) {
    throw new Error(`--base ${JSON.stringify(base)} must be an http(s) IRI`);
  }
  // Characters an IRI may not hold, and a query part that minted names would land inside.
  if (/[\s<>"{}|\\^`?]/u.test(base) || /#./.test(base)) {
    throw new Error(`--base ${JSON.stringify(base)} holds characters an IRI namespace may not (spaces, <>"{}|\\^\`, "?", or text after "#")`);
  }
  return /[/#]$/.test(base) ? base : `${base}/`;
}

export type Minter = (kind: ResourceKind, key: string) => NamedNode;

/** `mint('person', 'einar-bjorgo')` -> <BASE/person/einar-bjorgo>. Keys must already be slugs. */
export function createMinter(factory: DataFactory, base: string = DEFAULT_BASE): Minter {
  const root = normaliseBase(base);
  return (kind, key) => factory.namedNode(`${root}${kind}/${key}`);
}

/** Where an IRI's local name starts: after its last "/" or "#" (0 when it holds neither). */
export function localNameStart(iri: string): number {
  return Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1;
}

/** The local name of an IRI: what follows its last "/" or "#" (<…/person/jane-holt> -> "jane-holt"). */
export function localName(iri: string): string {
  return iri.slice(localNameStart(iri));
}

/** Namespace of one kind under a base, for Turtle prefixes. */
export function kindNamespace(base: string, kind: ResourceKind): string {
  return `${normaliseBase(base)}${kind}/`;
}
