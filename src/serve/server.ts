/**
 * A read-only SPARQL 1.1 Protocol endpoint over the built graph, and the query page. fastify does
 * the HTTP work (body limits, parsing, errors) better than hand-written node:http handlers.
 * Queries run in a pool of workers (src/query/local.ts): parsing, planning and running all happen
 * there, under the timeout, with the result cap written into the query as a LIMIT.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import {
  defaultWorkerCount, EngineBusyError, EngineFailedError, LocalEngine, QueryTimeoutError, type EngineOptions,
} from '../query/local.js';
import { runQuery } from '../query/run.js';
import { DEFAULT_LIMITS, pageWindow, QueryRefusedError, QuerySyntaxError } from '../query/sparql.js';
import { refuse, sendAnswer, sendWritten } from './answer.js';
import { negotiate } from './negotiate.js';
import { isTableFormat } from '../query/table-text.js';
import { describeService } from './describe.js';
import { DEFAULT_CORS_ORIGINS, registerCors } from './cors.js';
import { registerPage } from './page.js';
import { installHostCheck } from './host-check.js';
import { installSecurityHeaders } from './security-headers.js';
import { formatSchemaErrors, installPlainErrors, parseForm } from './validation.js';
import { pagingProperties, setPageHeaders } from './paging.js';
import { registerBundled } from './bundled.js';
import { keepBundledListings } from './keep-listings.js';
import { PROTOCOL_FIELDS, type AnswerQuery, type PagedFields, type ProtocolFields } from './query-request.js';
import { graphPrefixes } from '../rdf-io/prefixes.js';
import { loadContext, type JsonLdContext } from '../rdf-io/jsonld.js';
import { BUNDLED } from '../paths.js';
import type { GraphFiles } from '../query/rdf-files.js';
import type { LoadProgress } from '../query/load-store.js';

export interface ServeOptions {
  readonly graph: GraphFiles;
  readonly onLoadProgress?: (progress: LoadProgress) => void;
  readonly base: string;
  /** Per-query run time; also how long a query may wait for a free worker. */
  readonly timeoutMs: number;
  readonly maxRows: number;
  /** Largest accepted query (and request body), in bytes. */
  readonly maxQueryBytes: number;
  /** Origins allowed to read through CORS: `*` (the default), a list, or none. */
  readonly corsOrigins?: readonly string[];
  /** Deepest nesting of { }, ( ) and [ ] in a query (default 64). */
  readonly maxDepth?: number;
  /** Query workers, each with a copy of the graph (default: from the cores). */
  readonly workers?: number;
  /** A worker whose memory grew by more than this many MB during queries is replaced. */
  readonly maxQueryMemoryMb?: number;
  /** Long queries may hold all workers but one; past this age one more is stopped (503). */
  readonly longQueryMs?: number;
  /** The address the server listens on (default 127.0.0.1): Host headers must name it (or an allowed host). */
  readonly host?: string;
  /** More Host names to accept (`*`: any). */
  readonly allowedHosts?: readonly string[];
  /**
   * Rows of ordered answers kept whole, so that their pages are slices (src/query/kept-answers.ts);
   * the bundled listings are computed into it in the background once the graph is loaded. 0: off.
   */
  readonly pageCacheRows?: number;
  /** A query a worker answered from the facts within this many ms is answered on the server's thread when asked again (src/query/inline-answers.ts). 0: never. */
  readonly inlineMs?: number;
}

/** Defaults of the tuning options, shown by `serve --help` and the README. */
export const SERVE_DEFAULTS = { maxQueryMemoryMb: 512, longQueryMs: 300, maxQueue: 256, refuseStoppedMs: 30000, pageCacheRows: 1_000_000, inlineMs: 10 } as const;

export const DEFAULT_HOST = '127.0.0.1';

/** Seconds a client should wait before asking again after a 503 for a busy server. */
const RETRY_AFTER_SECONDS = 2;

/** HTTP status of a failed query. */
function failureStatus(error: unknown): number {
  if (error instanceof QuerySyntaxError) return /update/i.test(error.message) ? 403 : 400;
  if (error instanceof QueryRefusedError) return error.reason === 'size' ? 413 : 400;
  if (error instanceof QueryTimeoutError || error instanceof EngineBusyError) return 503;
  if (error instanceof EngineFailedError) return 500;
  return 400;
}

/**
 * The engine options of a server: waits bounded by the timeout, a queue bounded in length, and the
 * whole graph loaded by each worker before it answers (the first request is as fast as the next).
 */
export function engineOptions(options: ServeOptions): EngineOptions {
  return {
    workers: options.workers ?? defaultWorkerCount(),
    maxQueryMemoryMb: options.maxQueryMemoryMb ?? SERVE_DEFAULTS.maxQueryMemoryMb,
    longQueryMs: options.longQueryMs ?? SERVE_DEFAULTS.longQueryMs,
    maxWaitMs: options.timeoutMs,
    maxQueue: SERVE_DEFAULTS.maxQueue,
    spares: 1,
    refuseStoppedMs: SERVE_DEFAULTS.refuseStoppedMs,
    limits: { maxBytes: options.maxQueryBytes, maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth },
    preload: true,
    onProgress: options.onLoadProgress,
    pageCacheRows: options.pageCacheRows ?? SERVE_DEFAULTS.pageCacheRows,
    inlineMs: options.inlineMs ?? SERVE_DEFAULTS.inlineMs,
  };
}

/**
 * Resolves once every query worker has loaded the graph (rejects if it cannot be loaded).
 * `listingsKept` resolves when the bundled listings' answers are kept for paging, with how many
 * were answered (0 when no answers are kept).
 */
export async function createServer(options: ServeOptions): Promise<{ app: FastifyInstance; engine: LocalEngine; listingsKept: Promise<number> }> {
  const settings = engineOptions(options);
  const engine = new LocalEngine(options.graph, settings);
  try {
    await engine.ready();
  } catch (error) {
    await engine.close();
    throw error;
  }
  const context: JsonLdContext = await loadContext(BUNDLED.context);
  const prefixes = graphPrefixes(options.base);
  const app = Fastify({ bodyLimit: options.maxQueryBytes, logger: false, schemaErrorFormatter: formatSchemaErrors });
  installPlainErrors(app);
  installHostCheck(app, options.host ?? DEFAULT_HOST, options.allowedHosts ?? []);
  installSecurityHeaders(app);
  // The SPARQL 1.1 Protocol's bodies only, each read into fields the route schemas check (no JSON: 415).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/sparql-query', { parseAs: 'string' }, (_request, body, done) => done(null, { query: String(body) }));
  app.addContentTypeParser('application/sparql-update', { parseAs: 'string' }, (_request, body, done) => done(null, { update: String(body) }));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, parseForm(String(body))));
  app.addHook('onClose', async () => engine.close());

  const answer: AnswerQuery = async (fields, request, reply, paging) => {
    if (fields.update !== undefined) return refuse(reply, 403, 'This endpoint is read-only: SPARQL updates are refused.');
    const query = fields.query;
    if (query === undefined || query.trim() === '') {
      return refuse(reply, 400, 'Missing query: send ?query=... (GET), a form field query=, or an application/sparql-query body (POST).');
    }
    const page = paging === undefined ? undefined : pageWindow(paging.page, paging.pageSize);
    if (typeof page === 'string') return refuse(reply, 400, `Bad request: ${page}.`);
    try {
      // A table taken as CSV, TSV, XML or text is written by the query worker, where its rows are: not on this thread, which serves every request.
      const tableOffer = negotiate(request.headers.accept, 'table');
      const answered = await runQuery(query, { kind: 'local', engine }, {
        bindings: fields.bindings, timeoutMs: options.timeoutMs, maxRows: options.maxRows, page,
        // Cache-Control: no-cache asks for the page computed afresh, not sliced from a kept answer.
        fresh: /\bno-cache\b/i.test(request.headers['cache-control'] ?? ''),
        write: tableOffer !== undefined && isTableFormat(tableOffer.format) ? tableOffer.format : undefined,
      });
      const { query: shape, truncated } = answered;
      if (paging !== undefined && shape.form === 'SELECT') {
        setPageHeaders(reply, paging, truncated, shape.ordered, request.method === 'GET' ? request.url : undefined);
      } else if (truncated) {
        reply.header('X-Peacegraph-Truncated', `results cut at ${options.maxRows}`);
      }
      if ('written' in answered) return sendWritten(reply, answered.written.text, tableOffer!);
      return await sendAnswer(reply, answered.result, request.headers.accept, { prefixes, context });
    } catch (error) {
      if (error instanceof EngineBusyError) reply.header('Retry-After', String(error.retryAfterSeconds ?? RETRY_AFTER_SECONDS));
      const message = error instanceof QueryTimeoutError ? `Query timed out after ${options.timeoutMs} ms.`
        : error instanceof QuerySyntaxError || error instanceof QueryRefusedError || error instanceof EngineBusyError || error instanceof EngineFailedError
          ? error.message : `Query failed: ${error instanceof Error ? error.message : String(error)}`;
      return refuse(reply, failureStatus(error), message);
    }
  };

  registerCors(app, options.corsOrigins ?? DEFAULT_CORS_ORIGINS, ['/sparql', '/paged', '/queries', '/queries/:name', '/queries/:name/results', '/prefixes']);
  const describe = describeService(async (query) =>
    (await runQuery(query, { kind: 'local', engine }, { timeoutMs: options.timeoutMs })).result, context, options.timeoutMs);
  const protocol = { type: 'object', properties: PROTOCOL_FIELDS } as const;
  app.get<{ Querystring: ProtocolFields }>('/sparql', { schema: { querystring: protocol } }, async (request, reply) => {
    if (request.query.query === undefined && request.query.update === undefined) return describe(request, reply);
    return answer(request.query, request, reply);
  });
  app.post<{ Body: ProtocolFields }>('/sparql', { schema: { body: protocol } }, async (request, reply) => answer(request.body, request, reply));
  // The protocol's requests with page and pageSize: one page of a SELECT (the query page shows listings this way).
  const paged = { type: 'object', properties: { ...PROTOCOL_FIELDS, ...pagingProperties(options.maxRows) } } as const;
  app.get<{ Querystring: PagedFields }>('/paged', { schema: { querystring: paged } }, async (request, reply) =>
    answer(request.query, request, reply, request.query));
  app.post<{ Body: PagedFields }>('/paged', { schema: { body: paged } }, async (request, reply) =>
    answer(request.body, request, reply, request.body));
  registerBundled(app, options.maxRows, answer);
  await registerPage(app, prefixes);
  const listingsKept = settings.pageCacheRows ? keepBundledListings(engine, options.timeoutMs) : Promise.resolve(0);
  return { app, engine, listingsKept };
}
