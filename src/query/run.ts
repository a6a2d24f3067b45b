/**
 * One entry point for every query: limits checked before parsing, syntax errors with line and
 * column, parameters bound as RDF terms, then run on the local Oxigraph engine (which parses in
 * its workers, where a timeout can stop it), or with Comunica when other sources or a remote
 * endpoint are named.
 */
import type { Term } from '@rdfjs/types';
import type { QueryResult } from './result.js';
import { checkLimits, parseQuery, prepareQuery, type PageWindow } from './sparql.js';
import type { LocalEngine, WrittenAnswer } from './local.js';
import type { TableFormat } from './table-text.js';
import type { FederatedSource } from './federated.js';
import { endpointModule, federatedModule } from './other-targets.js';
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
  /** A SELECT answers this page of its rows only, in its own ORDER BY; other forms answer whole. */
  readonly page?: PageWindow;
  /** Local engine: compute the page afresh, not from the answers kept for paging. */
  readonly fresh?: boolean;
  /** Federated: let SERVICE and FROM reach addresses that are not among the named sources. */
  readonly allowRemote?: boolean;
  /** Local engine: a SELECT's answer may come written in this format (a WrittenAnswer), by the worker that has its rows. */
  readonly write?: TableFormat;
}

export interface QueryAnswer {
  readonly query: QueryShape;
  readonly result: QueryResult;
  /** The answer was cut at maxRows; for a page, more rows follow it. */
  readonly truncated: boolean;
}

export async function runQuery(text: string, target: QueryTarget, options: QueryOptions & { readonly write: TableFormat | undefined }): Promise<QueryAnswer | WrittenAnswer>;
export async function runQuery(text: string, target: QueryTarget, options?: QueryOptions & { readonly write?: undefined }): Promise<QueryAnswer>;
export async function runQuery(text: string, target: QueryTarget, options: QueryOptions = {}): Promise<QueryAnswer | WrittenAnswer> {
  const bindings = options.bindings ?? new Map<string, Term>();
  if (target.kind === 'local') {
    return target.engine.query({ text, bindings, timeoutMs: options.timeoutMs, maxRows: options.maxRows, page: options.page, fresh: options.fresh, write: options.write });
  }
  checkLimits(text);
  const query = parseQuery(text);
  const page = query.form === 'SELECT' ? options.page : undefined;
  // The page's LIMIT asks for one row more than the page, which tells whether more follow.
  const bound = prepareQuery(query, bindings, page?.size, page?.offset);
  if (target.kind !== 'endpoint') federatedModule().checkRemoteAccess(query, target.sources, options.allowRemote ?? false);
  const result = target.kind === 'endpoint'
    ? await endpointModule().queryEndpoint(target.url, bound, query.form, options.timeoutMs)
    : await federatedModule().queryFederated(bound, target.sources, options.timeoutMs);
  if (page === undefined || result.kind !== 'bindings' || result.rows.length <= page.size) return { query, result, truncated: false };
  return { query, result: { ...result, rows: result.rows.slice(0, page.size) }, truncated: true };
}
