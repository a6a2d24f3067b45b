/** Engine-independent query results in the RDF/JS model, and their canonical comparison. */
import type { Quad, Term } from '@rdfjs/types';

export type Row = Readonly<Record<string, Term>>;

export type QueryResult =
  | { readonly kind: 'bindings'; readonly variables: readonly string[]; readonly rows: readonly Row[] }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'quads'; readonly quads: readonly Quad[] };

/**
 * What termText and the table writers (table-text.ts) read of a term. RDF/JS terms have it, and so
 * do the plain objects a printed answer is read into from results JSON, without RDF/JS classes.
 */
export type TermLike =
  | { readonly termType: 'NamedNode' | 'BlankNode' | 'Variable' | 'DefaultGraph'; readonly value: string }
  | { readonly termType: 'Literal'; readonly value: string; readonly language: string; readonly datatype: { readonly value: string } }
  | { readonly termType: 'Quad'; readonly value: string; readonly subject: TermLike; readonly predicate: TermLike; readonly object: TermLike };

/** N-Triples-like text of a term, for comparisons and sorting. */
export function termText(term: TermLike): string {
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
