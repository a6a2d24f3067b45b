/**
 * CORS for the read-only API, so that a hosted YASGUI or a notebook in a browser can query the
 * endpoint. Allowed origins are configurable; the default `*` suits a public read-only endpoint:
 * it answers no credentialed requests (no cookies, no authentication) and changes nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addVary } from './vary.js';
import { PAGE_HEADERS } from './paging.js';

export const ANY_ORIGIN = '*';
export const DEFAULT_CORS_ORIGINS: readonly string[] = [ANY_ORIGIN];

const METHODS = 'GET, POST, OPTIONS';
/** Request headers a SPARQL client sends beyond the CORS-safelisted ones. */
const ALLOWED_HEADERS = 'Accept, Content-Type';
/** Response headers scripts may read beyond the safelisted ones: the result cap's and the paging headers. */
const EXPOSED_HEADERS = ['X-Peacegraph-Truncated', ...PAGE_HEADERS].join(', ');
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/** The `--cors-origin` value that turns CORS off. */
export const NO_ORIGIN = 'none';

/**
 * Checks `--cors-origin` values at the boundary: `*`, origins such as `https://example.org`
 * (scheme, host and port, no path), or `none` alone (CORS off: the empty list).
 */
export function corsOrigins(values: readonly string[]): string[] {
  if (values.includes(NO_ORIGIN)) {
    if (values.length > 1) throw new Error(`CORS origin "${NO_ORIGIN}" turns CORS off: give it alone`);
    return [];
  }
  return values.map((value) => {
    if (value === ANY_ORIGIN) return value;
    let origin: string;
    try {
      origin = new URL(value).origin;
    } catch {
      throw new Error(`CORS origin ${JSON.stringify(value)} is not a URL origin such as https://example.org`);
    }
    if (origin !== value.replace(/\/$/, '')) {
      throw new Error(`CORS origin ${JSON.stringify(value)} should be an origin only (scheme://host[:port]), e.g. ${origin}`);
    }
    return origin;
  });
}

/** The Access-Control-Allow-Origin value for a request, or undefined when the origin is not allowed. */
function allowedOrigin(origins: readonly string[], origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (origins.includes(ANY_ORIGIN)) return ANY_ORIGIN;
  return origins.includes(origin) ? origin : undefined;
}

/** CORS headers on every answer of the given routes, and an OPTIONS (preflight) answer for each. */
export function registerCors(app: FastifyInstance, origins: readonly string[], routes: readonly string[]): void {
  const covered = new Set(routes);
  const decorate = (request: FastifyRequest, reply: FastifyReply): string | undefined => {
    // A list of origins gives different answers to different origins: caches must keep them apart.
    if (!origins.includes(ANY_ORIGIN) && origins.length > 0) addVary(reply, 'Origin');
    const allowed = allowedOrigin(origins, request.headers.origin);
    if (allowed !== undefined) {
      reply.header('Access-Control-Allow-Origin', allowed);
      reply.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    return allowed;
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS' && covered.has(request.routeOptions.url ?? '')) decorate(request, reply);
  });
  for (const route of routes) {
    app.options(route, async (request, reply) => {
      reply.header('Allow', METHODS);
      if (request.headers.origin === undefined) return reply.code(204).send();
      if (decorate(request, reply) === undefined) {
        return reply.code(403).type('text/plain; charset=utf-8').send(`Origin ${request.headers.origin} is not allowed (serve --cors-origin).\n`);
      }
      reply.header('Access-Control-Allow-Methods', METHODS);
      reply.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      reply.header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
      return reply.code(204).send();
    });
  }
}
