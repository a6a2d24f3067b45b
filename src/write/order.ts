/** A total, stable order on quads, so every serialisation is byte-identical for the same graph. */
import type { Quad, Term } from '@rdfjs/types';

function termKey(term: Term): string {
  if (term.termType === 'Literal') {
    return `"${term.value}"@${term.language}^^${term.datatype.value}`;
  }
  return `${term.termType === 'BlankNode' ? '_:' : '<'}${term.value}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareQuads(a: Quad, b: Quad): number {
  return (
    compare(termKey(a.graph), termKey(b.graph)) ||
    compare(termKey(a.subject), termKey(b.subject)) ||
    compare(termKey(a.predicate), termKey(b.predicate)) ||
    compare(termKey(a.object), termKey(b.object))
  );
}

/** Sorted copy without duplicates. */
export function sortQuads(quads: Iterable<Quad>): Quad[] {
  const sorted = [...quads].sort(compareQuads);
  return sorted.filter((quad, index) => index === 0 || compareQuads(sorted[index - 1]!, quad) !== 0);
}
