/**
 * A read-only SPARQL 1.1 Protocol endpoint over the built graph, and the query page. fastify does
 * the HTTP work (body limits, parsing, errors) better than hand-written node:http handlers.
 * Queries run in a pool of workers (src/query/local.ts): parsing, planning and running all happen
 * there, under the timeout, with the result cap written into the query as a LIMIT.
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  defaultWorkerCount, EngineBusyError, EngineFailedError, LocalEngine, QueryTimeoutError, type EngineOptions,
} from '../query/local.js';
import { runQuery } from '../query/run.js';
import { DEFAULT_LIMITS, QueryRefusedError, QuerySyntaxError } from '../query/sparql.js';
import { formatResult } from '../query/format.js';
import { listBundledQueries } from '../query/bundled.js';
import { negotiate, mediaType } from './negotiate.js';
import { installHostCheck } from './host-check.js';
import { installSecurityHeaders } from './security-headers.js';
import { graphPrefixes } from '../write/prefixes.js';
import { loadContext, type JsonLdContext } from '../write/jsonld.js';
import { BUNDLED, PROJECT_ROOT } from '../paths.js';
import type { RdfFile } from '../query/rdf-files.js';

export interface ServeOptions {
  readonly graph: RdfFile;
  readonly base: string;
  /** Per-query run time; also how long a query may wait for a free worker. */
  readonly timeoutMs: number;
  readonly maxRows: number;
  /** Largest accepted query (and request body), in bytes. */
  readonly maxQueryBytes: number;
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
}

/** Defaults of the tuning options, shown by `serve --help` and the README. */
export const SERVE_DEFAULTS = { maxQueryMemoryMb: 512, longQueryMs: 300, maxQueue: 256, refuseStoppedMs: 30000 } as const;

export const DEFAULT_HOST = '127.0.0.1';

/** Seconds a client should wait before asking again after a 503 for a busy server. */
const RETRY_AFTER_SECONDS = 2;

const PAGE_FILES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/style.css': 'style.css',
};
const PAGE_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8',
};

function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(`${message}\n`);
}

/** HTTP status of a failed query. */
function failureStatus(error: unknown): number {
  if (error instanceof QuerySyntaxError) return /update/i.test(error.message) ? 403 : 400;
  if (error instanceof QueryRefusedError) return error.reason === 'size' ? 413 : 400;
  if (error instanceof QueryTimeoutError || error instanceof EngineBusyError) return 503;
  if (error instanceof EngineFailedError) return 500;
  return 400;
}

/** The engine options of a server: waits bounded by the timeout, a queue bounded in length. */
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
  };
}

/** Resolves once every query worker has loaded the graph (rejects if it cannot be loaded). */
export async function createServer(options: ServeOptions): Promise<{ app: FastifyInstance; engine: LocalEngine }> {
  const engine = new LocalEngine([options.graph], engineOptions(options));
  try {
    await engine.ready();
  } catch (error) {
    await engine.close();
    throw error;
  }
  const context: JsonLdContext = await loadContext(BUNDLED.context);
  const prefixes = graphPrefixes(options.base);
  const app = Fastify({ bodyLimit: options.maxQueryBytes, logger: false });
  installHostCheck(app, options.host ?? DEFAULT_HOST, options.allowedHosts ?? []);
  installSecurityHeaders(app);
  app.addContentTypeParser('application/sparql-query', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('application/sparql-update', { parseAs: 'string' }, (_request, body, done) => done(null, { update: body }));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))));
  app.addHook('onClose', async () => engine.close());

  const answer = async (query: unknown, update: unknown, accept: string | undefined, reply: FastifyReply) => {
    if (update !== undefined) return refuse(reply, 403, 'This endpoint is read-only: SPARQL updates are refused.');
    if (typeof query !== 'string' || query.trim() === '') {
      return refuse(reply, 400, 'Missing query: send ?query=... (GET), a form field query=, or an application/sparql-query body (POST).');
    }
    try {
      const { result, truncated } = await runQuery(query, { kind: 'local', engine }, { timeoutMs: options.timeoutMs, maxRows: options.maxRows });
      const format = negotiate(accept, result.kind === 'quads');
      const body = await formatResult(result, format, { prefixes, context });
      if (truncated) reply.header('X-Peacegraph-Truncated', `results cut at ${options.maxRows}`);
      return reply.code(200).type(mediaType(format)).send(body);
    } catch (error) {
      if (error instanceof EngineBusyError) reply.header('Retry-After', String(error.retryAfterSeconds ?? RETRY_AFTER_SECONDS));
      const message = error instanceof QueryTimeoutError ? `Query timed out after ${options.timeoutMs} ms.`
        : error instanceof QuerySyntaxError || error instanceof QueryRefusedError || error instanceof EngineBusyError || error instanceof EngineFailedError
          ? error.message : `Query failed: ${(error as Error).message}`;
      return refuse(reply, failureStatus(error), message);
    }
  };

  app.get('/sparql', async (request, reply) => {
    const parameters = request.query as Record<string, unknown>;
    return answer(parameters.query, parameters.update, request.headers.accept, reply);
  });
  app.post('/sparql', async (request, reply) => {
    const body = request.body;
    if (typeof body === 'string') return answer(body, undefined, request.headers.accept, reply);
    const fields = (body ?? {}) as Record<string, unknown>;
    return answer(fields.query, fields.update, request.headers.accept, reply);
  });
  app.get('/queries', async () => (await listBundledQueries(BUNDLED.queries)).map((query) => ({
    name: query.name, title: query.title, description: query.description, text: query.text,
    parameters: Object.fromEntries(query.parameters),
  })));
  for (const [route, file] of Object.entries(PAGE_FILES)) {
    app.get(route, async (_request, reply) =>
      reply.type(PAGE_TYPES[file.split('.').pop()!]!).send(await readFile(join(PROJECT_ROOT, 'web', file), 'utf8')));
  }
  return { app, engine };
}
