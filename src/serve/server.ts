/**
 * A read-only SPARQL 1.1 Protocol endpoint over the built graph, and the query page. fastify does
 * the HTTP work (body limits, parsing, errors) better than hand-written node:http handlers.
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalEngine, QueryTimeoutError } from '../query/local.js';
import { runQuery } from '../query/run.js';
import { QuerySyntaxError } from '../query/sparql.js';
import { formatResult } from '../query/format.js';
import type { QueryResult } from '../query/result.js';
import { listBundledQueries } from '../query/bundled.js';
import { negotiate, mediaType } from './negotiate.js';
import { graphPrefixes } from '../write/prefixes.js';
import { loadContext, type JsonLdContext } from '../write/jsonld.js';
import { BUNDLED, PROJECT_ROOT } from '../paths.js';
import type { GraphFiles } from '../query/rdf-files.js';
import type { LoadProgress } from '../query/load-store.js';

export interface ServeOptions {
  readonly graph: GraphFiles;
  readonly onLoadProgress?: (progress: LoadProgress) => void;
  readonly base: string;
  readonly timeoutMs: number;
  readonly maxRows: number;
  /** Largest accepted request body (a query), in bytes. */
  readonly maxQueryBytes: number;
}

const PAGE_FILES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/style.css': 'style.css',
};
const PAGE_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8',
};

function capped(result: QueryResult, maxRows: number): { result: QueryResult; truncated: boolean } {
  if (result.kind === 'bindings' && result.rows.length > maxRows) {
    return { result: { ...result, rows: result.rows.slice(0, maxRows) }, truncated: true };
  }
  if (result.kind === 'quads' && result.quads.length > maxRows) {
    return { result: { ...result, quads: result.quads.slice(0, maxRows) }, truncated: true };
  }
  return { result, truncated: false };
}

function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(`${message}\n`);
}

export async function createServer(options: ServeOptions): Promise<{ app: FastifyInstance; engine: LocalEngine }> {
  const engine = new LocalEngine(options.graph, { preload: true, onProgress: options.onLoadProgress });
  const context: JsonLdContext = await loadContext(BUNDLED.context);
  const prefixes = graphPrefixes(options.base);
  const app = Fastify({ bodyLimit: options.maxQueryBytes, logger: false });
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
    if (Buffer.byteLength(query) > options.maxQueryBytes) return refuse(reply, 413, `Query larger than ${options.maxQueryBytes} bytes.`);
    try {
      const { result: full } = await runQuery(query, { kind: 'local', engine }, { timeoutMs: options.timeoutMs });
      const { result, truncated } = capped(full, options.maxRows);
      const format = negotiate(accept, result.kind === 'quads');
      const body = await formatResult(result, format, { prefixes, context });
      if (truncated) reply.header('X-Peacegraph-Truncated', `results cut at ${options.maxRows}`);
      return reply.code(200).type(mediaType(format)).send(body);
    } catch (error) {
      if (error instanceof QuerySyntaxError) {
        return refuse(reply, /update/i.test(error.message) ? 403 : 400, error.message);
      }
      if (error instanceof QueryTimeoutError) return refuse(reply, 503, `Query timed out after ${options.timeoutMs} ms.`);
      return refuse(reply, 400, `Query failed: ${(error as Error).message}`);
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
