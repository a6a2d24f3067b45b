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

/** Sorted copy without duplicates. Each quad's key is built once (sorting compares n log n times). */
export function sortQuads(quads: Iterable<Quad>): Quad[] {
  const keyed = [...quads].map((quad) => ({
    quad,
    key: [termKey(quad.graph), termKey(quad.subject), termKey(quad.predicate), termKey(quad.object)],
  }));
  keyed.sort((a, b) => {
    for (let index = 0; index < 4; index += 1) {
      const order = compare(a.key[index]!, b.key[index]!);
      if (order !== 0) return order;
    }
    return 0;
  });
  const sorted: Quad[] = [];
  keyed.forEach((entry, index) => {
    const previous = keyed[index - 1];
    if (previous === undefined || previous.key.some((part, position) => part !== entry.key[position])) sorted.push(entry.quad);
  });
  return sorted;
}
