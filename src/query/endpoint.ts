/**
 * A remote SPARQL endpoint (a triple store), asked over the SPARQL 1.1 Protocol: the whole query
 * goes to the store, which evaluates it with its own indexes. What it answers is checked before
 * use: the HTTP status, the content type, and the shape of the results JSON; every error names the
 * endpoint.
 */
import { Parser } from 'n3';
import { factory } from '../rdf/factory.js';
import type { QueryResult } from './result.js';
import { fromResultsJson } from './results-json.js';
import { checkResultsJson } from './results-json-guard.js';
import type { QueryForm } from './sparql.js';
import { QueryTimeoutError } from './local.js';

export class EndpointError extends Error {
  constructor(readonly url: string, problem: string) {
    super(`SPARQL endpoint ${url} ${problem}`);
    this.name = 'EndpointError';
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/** What went wrong: fetch's cause (a system error code such as ECONNREFUSED, or "bad port") rather than its "fetch failed". */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { cause } = error;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') return cause.code;
  if (cause instanceof Error) return cause.message;
  return error.message;
}

function excerpt(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** The media type of a Content-Type header, without parameters, in lower case ('' when absent). */
function mediaType(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The parser for a graph answer, by its media type: stores name N-Triples and Turtle in several ways
 * (Virtuoso answers N-Triples as text/plain, Turtle also as text/rdf+n3 or application/x-turtle).
 */
function graphFormat(type: string): 'N-Triples' | 'Turtle' | undefined {
  if (type === 'text/plain' || /n-?triples/.test(type)) return 'N-Triples';
  if (/turtle|n3/.test(type)) return 'Turtle';
  return undefined;
}

function readGraph(url: string, response: Response, body: string): QueryResult {
  const format = graphFormat(mediaType(response));
  if (format === undefined) throw new EndpointError(url, `answered ${mediaType(response) || 'no content type'}, not N-Triples or Turtle: ${excerpt(body)}`);
  try {
    return { kind: 'quads', quads: new Parser({ format, factory }).parse(body) };
  } catch (error) {
    throw new EndpointError(url, `answered ${format} that does not parse: ${reason(error)}`);
  }
}

function readResults(url: string, response: Response, body: string): QueryResult {
  const type = mediaType(response);
  // application/sparql-results+json, or plain application/json from some stores.
  if (type !== '' && !type.endsWith('json')) throw new EndpointError(url, `answered ${type}, not SPARQL results JSON: ${excerpt(body)}`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new EndpointError(url, `answered text that is not JSON (${reason(error)}): ${excerpt(body)}`);
  }
  try {
    return fromResultsJson(checkResultsJson(json));
  } catch (error) {
    throw new EndpointError(url, `answered malformed SPARQL results JSON: ${reason(error)}`);
  }
}

export async function queryEndpoint(url: string, text: string, form: QueryForm, timeoutMs?: number): Promise<QueryResult> {
  const isGraph = form === 'CONSTRUCT' || form === 'DESCRIBE';
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        // Form encoding is the one POST every store accepts (Virtuoso 7 hangs on application/sparql-query).
        'content-type': 'application/x-www-form-urlencoded',
        accept: isGraph ? 'application/n-triples, text/plain;q=0.5, text/turtle;q=0.4' : 'application/sparql-results+json',
      },
      body: new URLSearchParams({ query: text }).toString(),
      // Covers reading the body too: a store that sends headers and then stalls times out as well.
      signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    if (isTimeout(error) && timeoutMs !== undefined) throw new QueryTimeoutError(timeoutMs);
    throw new EndpointError(url, `cannot be reached (${reason(error)})`);
  }
  if (!response.ok) throw new EndpointError(url, `answered HTTP ${response.status}: ${excerpt(body)}`);
  return isGraph ? readGraph(url, response, body) : readResults(url, response, body);
}
