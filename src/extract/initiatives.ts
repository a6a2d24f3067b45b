/**
 * Named initiatives (proposals, programmes, tools): the curated list (data/initiatives.ttl), and
 * quoted names in title case (‘GIS for Peace’) that the list does not have yet.
 */
import type { KnownInitiative } from './knowledge.js';
import type { TextSpan } from './text-span.js';
import { slugify } from '../rdf/iri.js';
import { wordPattern } from './patterns.js';
import { matchesOf } from '../text/scan.js';

export interface InitiativeHit {
  readonly key: string;
  readonly name: string;
  readonly span: TextSpan;
}

const FUNCTION_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** ‘Two Or More Capitalised Words’ (function words excepted), not a whole sentence. */
function isTitleCaseName(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length < 2 || words.length > 8 || /[.!?,;:]$/.test(phrase)) return false;
  return words.every((word, index) => /^[\p{Lu}\d]/u.test(word) || (index > 0 && FUNCTION_WORDS.has(word)));
}

const QUOTED = /[‘“"]([^’”"\n]{3,80})[’”"]/g;

export function findInitiatives(text: string, from: number, to: number, known: readonly KnownInitiative[], excluded: ReadonlySet<string>): InitiativeHit[] {
  const hits: InitiativeHit[] = [];
  for (const initiative of known) {
    for (const label of initiative.labels) {
      const regex = wordPattern(label, { notAround: '\\p{L}', ignoreCase: true, flexibleSpaces: true });
      for (const hit of matchesOf(regex, text, from, to)) {
        hits.push({ key: initiative.key, name: initiative.name, span: { text: hit[0], start: hit.index } });
      }
    }
  }
  for (const hit of matchesOf(QUOTED, text, from, to)) {
    const name = hit[1]!.trim();
    const key = slugify(name);
    if (!isTitleCaseName(name) || excluded.has(name.toLowerCase()) || known.some((initiative) => initiative.key === key)) continue;
    hits.push({ key, name, span: { text: name, start: hit.index + 1 } });
  }
  return hits.sort((a, b) => a.span.start - b.span.start);
}
