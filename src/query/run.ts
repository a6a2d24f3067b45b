/**
 * One entry point for every query: parse (syntax errors with line and column), bind parameters as
 * RDF terms, then run on the local Oxigraph engine, or with Comunica when other sources or a
 * remote endpoint are named.
 */
import type { Term } from '@rdfjs/types';
import type { QueryResult } from './result.js';
import { bindParameters, parseQuery, type ParsedQuery } from './sparql.js';
import type { LocalEngine } from './local.js';
import { queryFederated, type FederatedSource } from './federated.js';
import { queryEndpoint } from './endpoint.js';

export type QueryTarget =
  | { readonly kind: 'local'; readonly engine: LocalEngine }
  | { readonly kind: 'federated'; readonly sources: readonly FederatedSource[] }
  | { readonly kind: 'endpoint'; readonly url: string };

export interface QueryOptions {
  readonly bindings?: ReadonlyMap<string, Term>;
  readonly timeoutMs?: number;
}

export interface QueryAnswer {
  readonly query: ParsedQuery;
  readonly result: QueryResult;
}

export async function runQuery(text: string, target: QueryTarget, options: QueryOptions = {}): Promise<QueryAnswer> {
  const query = parseQuery(text);
  const bound = bindParameters(query, options.bindings ?? new Map());
  const result = target.kind === 'local'
    ? await target.engine.query(bound, query.form, options.timeoutMs)
    : target.kind === 'endpoint'
      ? await queryEndpoint(target.url, bound, query.form, options.timeoutMs)
      : await queryFederated(bound, target.sources, options.timeoutMs);
  return { query, result };
}
