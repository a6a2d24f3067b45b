/**
 * Parsing bundled and user queries with sparqljs: syntax errors with line and column, the kind of
 * query, and safe parameter binding (a VALUES block of RDF terms, never text spliced into a query).
 */
import sparqljs from 'sparqljs';
import type { Term } from '@rdfjs/types';
import { BoundedMemo } from '../memo.js';

export class QuerySyntaxError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

export interface ParsedQuery {
  readonly form: QueryForm;
  /** Projected variable names; empty for SELECT * (taken from the results). */
  readonly variables: readonly string[];
  readonly ordered: boolean;
  readonly text: string;
}

interface ParseErrorHash {
  readonly loc?: { readonly first_line: number; readonly first_column: number };
}

/** Parsed queries by text: a server or a benchmark asks the same queries again and again. */
const parsedQueries = new BoundedMemo<string, ParsedQuery>(256);

export function parseQuery(text: string): ParsedQuery {
  return parsedQueries.get(text, () => parseQueryText(text));
}

function parseQueryText(text: string): ParsedQuery {
  let tree: sparqljs.SparqlQuery;
  try {
    tree = new sparqljs.Parser().parse(text);
  } catch (error) {
    const hash = (error as { hash?: ParseErrorHash }).hash;
    const line = hash?.loc?.first_line;
    const column = hash?.loc === undefined ? undefined : hash.loc.first_column + 1;
    const where = line === undefined ? '' : ` at line ${line}, column ${column}`;
    const last = (error as Error).message.split('\n').slice(-1)[0] ?? '';
    // sparqljs lists every token it expected; the one it got says more.
    const got = /got '([^']*)'$/.exec(last);
    const detail = got ? `unexpected ${got[1] === 'EOF' ? 'end of query' : `"${got[1]}"`}` : last;
    throw new QuerySyntaxError(`SPARQL syntax error${where}: ${detail}`, line, column);
  }
  if (tree.type === 'update') {
    throw new QuerySyntaxError('SPARQL updates are refused: peacegraph answers queries only (read-only)');
  }
  const variables = tree.queryType === 'SELECT'
    ? tree.variables.flatMap((variable) => {
      if ('termType' in variable) return variable.termType === 'Variable' ? [variable.value] : [];
      return [variable.variable.value];
    })
    : [];
  return { form: tree.queryType, variables, ordered: 'order' in tree && tree.order !== undefined, text };
}

/** The query with each parameter bound by a VALUES block at the top of its WHERE clause. */
export function bindParameters(query: ParsedQuery, bindings: ReadonlyMap<string, Term>): string {
  if (bindings.size === 0) return query.text;
  // A fresh parse tree to edit; the text was already checked by parseQuery.
  const tree = new sparqljs.Parser().parse(query.text) as sparqljs.Query;
  const values: sparqljs.ValuesPattern = {
    type: 'values',
    values: [Object.fromEntries([...bindings].map(([name, term]) => [`?${name}`, term])) as sparqljs.ValuePatternRow],
  };
  tree.where = [values, ...(tree.where ?? [])];
  return new sparqljs.Generator().stringify(tree);
}
