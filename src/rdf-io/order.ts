/**
 * A total, stable order on quads, so every serialisation is byte-identical for the same graph:
 * graph, subject, predicate, object; terms by kind (literals, IRIs, blank nodes, default graph),
 * then value, language and datatype. Compared field by field, without building keys: sorting is
 * on the hot path of every build.
 */
import type { Quad, Term } from '@rdfjs/types';

const KIND_RANK: Readonly<Record<Term['termType'], number>> = {
  Literal: 0, NamedNode: 1, BlankNode: 2, DefaultGraph: 3, Variable: 4, Quad: 5,
};

function compareStrings(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

export function compareTerms(a: Term, b: Term): number {
  if (a.termType !== b.termType) return KIND_RANK[a.termType] - KIND_RANK[b.termType];
  const byValue = compareStrings(a.value, b.value);
  if (byValue !== 0 || a.termType !== 'Literal' || b.termType !== 'Literal') return byValue;
  return compareStrings(a.language, b.language) || compareStrings(a.datatype.value, b.datatype.value);
}

export function compareQuads(a: Quad, b: Quad): number {
  return compareTerms(a.graph, b.graph) || compareTerms(a.subject, b.subject)
    || compareTerms(a.predicate, b.predicate) || compareTerms(a.object, b.object);
}

/** Sorted copy without duplicates. */
export function sortQuads(quads: Iterable<Quad>): Quad[] {
  const sorted = [...quads].sort(compareQuads);
  return sorted.filter((quad, index) => index === 0 || compareQuads(sorted[index - 1]!, quad) !== 0);
}
