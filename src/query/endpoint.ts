/**
 * A remote SPARQL endpoint (a triple store), asked over the SPARQL 1.1 Protocol: the whole query
 * goes to the store, which evaluates it with its own indexes.
 */
import { Parser } from 'n3';
import { factory } from '../rdf/factory.js';
import type { QueryResult } from './result.js';
import { fromResultsJson, type ResultsJson } from './results-json.js';
import type { QueryForm } from './sparql.js';
import { QueryTimeoutError } from './local.js';

export async function queryEndpoint(url: string, text: string, form: QueryForm, timeoutMs?: number): Promise<QueryResult> {
  const isGraph = form === 'CONSTRUCT' || form === 'DESCRIBE';
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        // Form encoding is the one POST every store accepts (Virtuoso 7 hangs on application/sparql-query).
        'content-type': 'application/x-www-form-urlencoded',
        accept: isGraph ? 'application/n-triples, text/plain;q=0.5' : 'application/sparql-results+json',
      },
      body: new URLSearchParams({ query: text }).toString(),
      signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') throw new QueryTimeoutError(timeoutMs!);
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new Error(`cannot reach the SPARQL endpoint ${url} (${cause})`);
  }
  const body = await response.text();
  if (!response.ok) {
    throw new Error(`SPARQL endpoint ${url} answered HTTP ${response.status}: ${body.replace(/\s+/g, ' ').trim().slice(0, 300)}`);
  }
  if (isGraph) return { kind: 'quads', quads: new Parser({ format: 'N-Triples', factory }).parse(body) };
  return fromResultsJson(JSON.parse(body) as ResultsJson);
}
