/** Themes of a stretch of text, matched on the labels of the theme scheme (ontology/themes.ttl). */
import type { ThemeConcept } from './knowledge.js';
import type { TextSpan } from './text-span.js';
import { literalAlternation } from '../text/literal-patterns.js';
import { matchesOf } from '../text/scan.js';

export interface ThemeMatch {
  readonly iri: string;
  readonly label: string;
  readonly count: number;
  readonly first: TextSpan;
}

const compiled = new WeakMap<ThemeConcept, RegExp[]>();

/** Labels as written, but for white space and the kind of apostrophe. */
const alternation = (labels: readonly string[]): string => literalAlternation(labels, { flexibleSpaces: true, anyApostrophe: true });

/**
 * Whole words; case-insensitive, except short all-capital labels ("AI", "GIS"), which match only
 * in capitals so that "ai" inside other words or sentences does not count.
 */
function patterns(concept: ThemeConcept): RegExp[] {
  let regexes = compiled.get(concept);
  if (regexes === undefined) {
    const isAcronym = (label: string) => /^[\p{Lu}\d]{2,5}$/u.test(label);
    const words = concept.labels.filter((label) => !isAcronym(label));
    const acronyms = concept.labels.filter(isAcronym);
    const bounded = (body: string, flags: string) => new RegExp(`(?<![\\p{L}\\d-])(?:${body})(?![\\p{L}\\d-])`, flags);
    regexes = [
      ...(words.length ? [bounded(alternation(words), 'giu')] : []),
      ...(acronyms.length ? [bounded(alternation(acronyms), 'gu')] : []),
    ];
    compiled.set(concept, regexes);
  }
  return regexes;
}

export function matchThemes(text: string, from: number, to: number, concepts: readonly ThemeConcept[]): ThemeMatch[] {
  const matches: ThemeMatch[] = [];
  for (const concept of concepts) {
    let count = 0;
    let first: TextSpan | undefined;
    for (const regex of patterns(concept)) {
      for (const hit of matchesOf(regex, text, from, to)) {
        count += 1;
        if (first === undefined || hit.index < first.start) first = { text: hit[0], start: hit.index };
      }
    }
    if (first !== undefined) matches.push({ iri: concept.iri, label: concept.prefLabel, count, first });
  }
  return matches.sort((a, b) => b.count - a.count || (a.iri < b.iri ? -1 : 1));
}
