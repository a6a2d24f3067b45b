/**
 * Parsing bundled and user queries with sparqljs: limits checked before parsing, syntax errors with
 * line and column, the kind of query and what it names outside the graph (FROM, SERVICE), safe
 * parameter binding (a VALUES block of RDF terms, never text spliced into a query) and a result cap
 * written into the query as a LIMIT.
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

/** Why a well-formed query is not run: too large, too deep, reaching outside, or reading evidence that is not loaded. */
export type RefusalReason = 'size' | 'depth' | 'remote' | 'dataset' | 'evidence';

/** A well-formed query that peacegraph will not run. */
export class QueryRefusedError extends Error {
  constructor(message: string, readonly reason: RefusalReason) {
    super(message);
    this.name = 'QueryRefusedError';
  }
}

export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

export interface ParsedQuery {
  readonly form: QueryForm;
  /** Projected variable names; empty for SELECT * (taken from the results). */
  readonly variables: readonly string[];
  readonly ordered: boolean;
  readonly text: string;
  /** The IRIs of FROM and FROM NAMED; both empty when the query names no dataset. */
  readonly dataset: { readonly default: readonly string[]; readonly named: readonly string[] };
  /** SERVICE IRIs (a variable service as `?name`). */
  readonly services: readonly string[];
  readonly tree: sparqljs.Query;
}

export interface QueryLimits {
  readonly maxBytes: number;
  /** Deepest nesting of { }, ( ) and [ ]: sparqljs parses deep nesting in quadratic time. */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxBytes: 1024 * 1024, maxDepth: 64 };

interface ParseErrorHash {
  readonly loc?: { readonly first_line: number; readonly first_column: number };
}

/** The characters SPARQL allows between the < and > of an IRI reference (IRIREF). */
const IRI_REF_CHARS = '[^<>"{}|^`\\\\\\u0000-\\u0020]*';
/** An IRI reference at a `<` (else the `<` is an operator); stops at the next `<`, so scanning stays linear. */
const IRI_REF = new RegExp(`<${IRI_REF_CHARS}>`, 'y');
const WRITABLE_IRI = new RegExp(`^${IRI_REF_CHARS}$`);

/** Whether `iri` can be written into a query as <iri>. */
export function writableIri(iri: string): boolean {
  return WRITABLE_IRI.test(iri);
}
const OPENERS = '{([';
const CLOSERS = '})]';

/** Nesting depth of brackets outside strings, IRIs and comments, in one pass over the text. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '#') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end + 1;
    } else if (char === '"' || char === "'") {
      index = stringEnd(text, index);
    } else if (char === '<') {
      IRI_REF.lastIndex = index;
      index = IRI_REF.test(text) ? IRI_REF.lastIndex : index + 1;
    } else {
      if (OPENERS.includes(char)) deepest = Math.max(deepest, ++depth);
      else if (CLOSERS.includes(char)) depth = Math.max(0, depth - 1);
      index += 1;
    }
  }
  return deepest;
}

/** Index just past the string literal that starts at `start` (short or long form, with escapes). */
function stringEnd(text: string, start: number): number {
  const quote = text[start]!;
  const long = text.startsWith(quote.repeat(3), start);
  let index = start + (long ? 3 : 1);
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\') index += 2;
    else if (long ? text.startsWith(quote.repeat(3), index) : char === quote) return index + (long ? 3 : 1);
    else if (!long && char === '\n') return index;
    else index += 1;
  }
  return index;
}

/** Nesting depths by query text: the engine and its worker both check each query a server is asked again and again. */
const nestingDepths = new BoundedMemo<string, number>(256);

/** Refuses a query over the limits, in time linear in its length, before anything parses it. */
export function checkLimits(text: string, limits: QueryLimits = DEFAULT_LIMITS): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > limits.maxBytes) {
    throw new QueryRefusedError(`query of ${bytes} bytes refused: the limit is ${limits.maxBytes} bytes`, 'size');
  }
  const depth = nestingDepths.get(text, () => nestingDepth(text));
  if (depth > limits.maxDepth) {
    throw new QueryRefusedError(`query nested ${depth} deep refused: the limit is ${limits.maxDepth} levels of { }, ( ) or [ ]`, 'depth');
  }
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
  return {
    form: tree.queryType,
    variables,
    ordered: 'order' in tree && tree.order !== undefined,
    text,
    dataset: { default: (tree.from?.default ?? []).map((iri) => iri.value), named: (tree.from?.named ?? []).map((iri) => iri.value) },
    services: serviceNames(tree),
    tree,
  };
}

/** Every SERVICE in the tree, subqueries and FILTER EXISTS included (an iterative walk: no recursion limit). */
function serviceNames(tree: sparqljs.Query): string[] {
  const names: string[] = [];
  const stack: unknown[] = [tree.where ?? []];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (typeof node === 'object' && node !== null && !('termType' in node)) {
      const pattern = node as { type?: string; name?: Term };
      if (pattern.type === 'service' && pattern.name) {
        names.push(pattern.name.termType === 'Variable' ? `?${pattern.name.value}` : pattern.name.value);
      }
      stack.push(...Object.values(node));
    }
  }
  return names;
}

/** The largest LIMIT (and OFFSET) the local engine accepts (2^31 - 1). */
export const MAX_WRITTEN_LIMIT = 2 ** 31 - 1;

/** One page of a SELECT answer: `size` rows after the first `offset` (within the query's own LIMIT and OFFSET). */
export interface PageWindow {
  readonly offset: number;
  readonly size: number;
}

/** Page `page` (from 1) of `size` rows, or why it cannot be asked for (the engine reads offsets as 32-bit numbers). */
export function pageWindow(page: number, size: number): PageWindow | string {
  const offset = (page - 1) * size;
  if (offset > MAX_WRITTEN_LIMIT) return `page ${page} of ${size} rows starts past row ${MAX_WRITTEN_LIMIT}, the furthest the engine reads`;
  return { offset, size };
}

/**
 * The query text to run: parameters bound in a VALUES block at the top of the WHERE clause, and,
 * with `maxRows`, a LIMIT of at most maxRows + 1 (one more row than shown tells that the answer was
 * cut), so the engine stops early instead of building the whole answer first. With `offset`, the
 * rows start that far into the query's own window (its OFFSET and LIMIT): one page of the answer,
 * in the query's own ORDER BY.
 */
export function prepareQuery(query: ParsedQuery, bindings: ReadonlyMap<string, Term>, maxRows?: number, offset = 0): string {
  // sparqljs keeps LIMIT and OFFSET on every query form; its types declare them on SELECT only.
  const { limit, offset: ownOffset } = query.tree as { limit?: number; offset?: number };
  // Oxigraph's WebAssembly build reads LIMIT as a 32-bit number: a larger cap caps nothing, so none is written.
  const cap = maxRows === undefined || query.form === 'ASK' || maxRows >= MAX_WRITTEN_LIMIT ? undefined : maxRows + 1;
  const left = limit === undefined ? undefined : Math.max(0, limit - offset);
  const newLimit = cap === undefined || (left !== undefined && left <= cap) ? left : cap;
  const newOffset = offset === 0 ? ownOffset : (ownOffset ?? 0) + offset;
  if (bindings.size === 0 && newLimit === limit && newOffset === ownOffset) return query.text;
  return new sparqljs.Generator().stringify({ ...boundTree(query, bindings), limit: newLimit, offset: newOffset } as sparqljs.Query);
}

/**
 * The query's solutions, bound as prepareQuery binds them, without its ORDER BY, OFFSET and LIMIT,
 * and at most `maxRows` of them: for the rows to be sorted outside the engine (order-rows.ts).
 */
export function unorderedQuery(query: ParsedQuery, bindings: ReadonlyMap<string, Term>, maxRows: number): string {
  return new sparqljs.Generator().stringify({ ...boundTree(query, bindings), order: undefined, limit: maxRows, offset: undefined } as sparqljs.Query);
}

/** A shallow copy of the query's tree with each parameter bound in a VALUES block at the top of its WHERE clause. */
function boundTree(query: ParsedQuery, bindings: ReadonlyMap<string, Term>): sparqljs.Query {
  // The parsed tree is shared through the memo and must stay as parsed.
  if (bindings.size === 0) return { ...query.tree };
  const values: sparqljs.ValuesPattern = {
    type: 'values',
    values: [Object.fromEntries([...bindings].map(([name, term]) => [`?${name}`, term])) as sparqljs.ValuePatternRow],
  };
  return { ...query.tree, where: [values, ...(query.tree.where ?? [])] };
}

/** The query with each parameter bound by a VALUES block at the top of its WHERE clause. */
export function bindParameters(query: ParsedQuery, bindings: ReadonlyMap<string, Term>): string {
  return prepareQuery(query, bindings);
}
