/** Engine-independent query results in the RDF/JS model, and their canonical comparison. */
import type { Quad, Term } from '@rdfjs/types';

export type Row = Readonly<Record<string, Term>>;

export type QueryResult =
  | { readonly kind: 'bindings'; readonly variables: readonly string[]; readonly rows: readonly Row[] }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'quads'; readonly quads: readonly Quad[] };

/** N-Triples-like text of a term, for comparisons and sorting. */
export function termText(term: Term): string {
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'BlankNode': return `_:${term.value}`;
    case 'Literal': {
      const value = JSON.stringify(term.value);
      if (term.language) return `${value}@${term.language}`;
      return term.datatype.value === 'http://www.w3.org/2001/XMLSchema#string' ? value : `${value}^^<${term.datatype.value}>`;
    }
    case 'Quad': return `<< ${termText(term.subject)} ${termText(term.predicate)} ${termText(term.object)} >>`;
    default: return `?${term.value}`;
  }
}

/** Rows as sorted lines (order-insensitive form); for ORDER BY queries compare rowLines unsorted. */
export function rowLines(result: QueryResult): string[] {
  switch (result.kind) {
    case 'boolean': return [String(result.value)];
    case 'quads': return result.quads.map((quad) => `${termText(quad.subject)} ${termText(quad.predicate)} ${termText(quad.object)}`).sort();
    case 'bindings': return result.rows.map((row) =>
      result.variables.map((variable) => (row[variable] ? termText(row[variable]!) : 'UNBOUND')).join('\t'));
  }
}
