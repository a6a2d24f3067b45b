/**
 * One entry point for every query: limits checked before parsing, syntax errors with line and
 * column, parameters bound as RDF terms, then run on the local Oxigraph engine (which parses in
 * its workers, where a timeout can stop it), or with Comunica when other sources or a remote
 * endpoint are named.
 */
import type { Term } from '@rdfjs/types';
import type { QueryResult } from './result.js';
import { checkLimits, parseQuery, prepareQuery } from './sparql.js';
import type { LocalEngine } from './local.js';
import { checkRemoteAccess, queryFederated, type FederatedSource } from './federated.js';
import { queryEndpoint } from './endpoint.js';
import type { QueryShape } from './oxigraph-protocol.js';

export type QueryTarget =
  | { readonly kind: 'local'; readonly engine: LocalEngine }
  | { readonly kind: 'federated'; readonly sources: readonly FederatedSource[] }
  | { readonly kind: 'endpoint'; readonly url: string };

export interface QueryOptions {
  readonly bindings?: ReadonlyMap<string, Term>;
  readonly timeoutMs?: number;
  /** Local engine: cut the answer at this many rows, and bound the query's LIMIT by it. */
  readonly maxRows?: number;
  /** Federated: let SERVICE and FROM reach addresses that are not among the named sources. */
  readonly allowRemote?: boolean;
}

export interface QueryAnswer {
  readonly query: QueryShape;
  readonly result: QueryResult;
  /** The answer was cut at maxRows. */
  readonly truncated: boolean;
}

export async function runQuery(text: string, target: QueryTarget, options: QueryOptions = {}): Promise<QueryAnswer> {
  const bindings = options.bindings ?? new Map<string, Term>();
  if (target.kind === 'local') {
    return target.engine.query({ text, bindings, timeoutMs: options.timeoutMs, maxRows: options.maxRows });
  }
  checkLimits(text);
  const query = parseQuery(text);
  const bound = prepareQuery(query, bindings);
  if (target.kind === 'endpoint') {
    return { query, result: await queryEndpoint(target.url, bound, query.form, options.timeoutMs), truncated: false };
  }
  checkRemoteAccess(query, target.sources, options.allowRemote ?? false);
  return { query, result: await queryFederated(bound, target.sources, options.timeoutMs), truncated: false };
}
