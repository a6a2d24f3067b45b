/**
 * Paged answers: `page` and `pageSize` ask for one page of a SELECT's rows, in the query's own
 * ORDER BY. The engine writes the page into the query as OFFSET and LIMIT (one row more than the
 * page tells whether another follows), so no request builds more than a page of results; the
 * total is not given, as counting it costs the whole answer. Headers say where the page is, and
 * on a GET, Link headers (RFC 8288) lead to the next and previous pages.
 */
import type { FastifyReply } from 'fastify';

/** Rows in a page when the request gives no pageSize (at most the server's result cap). */
export const DEFAULT_PAGE_SIZE = 100;

export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}

/** JSON-schema properties of the paging fields (in a query string or a form), for a server capped at maxRows. */
export function pagingProperties(maxRows: number) {
  return {
    page: { type: 'integer', minimum: 1, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: maxRows, default: Math.min(DEFAULT_PAGE_SIZE, maxRows) },
  } as const;
}

/** Headers scripts of other origins may read on a paged answer (CORS). */
export const PAGE_HEADERS = ['Link', 'X-Peacegraph-Page', 'X-Peacegraph-Page-Size', 'X-Peacegraph-More', 'X-Peacegraph-Order'];

/**
 * Where a page lies: its number and size, whether more rows follow, whether the order is the
 * query's (`none`: no ORDER BY, pages follow the engine's order), and for a GET (`url`: the
 * request's path and query string) Link headers to the first, previous and next pages.
 */
export function setPageHeaders(reply: FastifyReply, request: PageRequest, more: boolean, ordered: boolean, url?: string): void {
  reply.header('X-Peacegraph-Page', String(request.page));
  reply.header('X-Peacegraph-Page-Size', String(request.pageSize));
  reply.header('X-Peacegraph-More', String(more));
  if (!ordered) reply.header('X-Peacegraph-Order', 'none');
  if (url === undefined) return;
  const link = (page: number, relation: string) => {
    const target = new URL(url, 'http://localhost');
    target.searchParams.set('page', String(page));
    target.searchParams.set('pageSize', String(request.pageSize));
    return `<${target.pathname}${target.search}>; rel="${relation}"`;
  };
  const links = [link(1, 'first')];
  if (request.page > 1) links.push(link(request.page - 1, 'prev'));
  if (more) links.push(link(request.page + 1, 'next'));
  reply.header('Link', links.join(', '));
}
