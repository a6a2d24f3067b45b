/** GET /sparql without a query: the service description, negotiated like any graph answer. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as delay } from 'node:timers/promises';
import type { FormatOptions } from '../query/format.js';
import type { QueryResult } from '../query/result.js';
import type { JsonLdContext } from '../rdf-io/jsonld.js';
import { sendAnswer } from './answer.js';
import { countDataset, SD_PREFIXES, serviceDescription, type DatasetCounts } from './service-description.js';

export type DescribeHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/**
 * `run` answers the VoID count queries (with the endpoint's query timeout), taken once, in the
 * background from the first request on. A request waits for them at most `waitMs` and is answered
 * without counts while they are not ready. Counts that fail (on a graph too large to count within
 * the timeout) are not taken again: the local engine answers one query at a time, and retrying
 * would hold up the users' queries again and again.
 */
export function describeService(run: (query: string) => Promise<QueryResult>, context: JsonLdContext, waitMs: number): DescribeHandler {
  let counts: Promise<DatasetCounts | undefined> | undefined;
  const formatOptions: FormatOptions = { prefixes: { ...SD_PREFIXES }, context };
  return async (request, reply) => {
    counts ??= countDataset(run).catch(() => undefined);
    const ready = await Promise.race([counts, delay(waitMs, undefined, { ref: false })]);
    const endpoint = `${request.protocol}://${request.host}${request.url.split('?')[0]}`;
    const quads = serviceDescription({ endpoint, title: 'peacegraph SPARQL endpoint', counts: ready });
    return sendAnswer(reply, { kind: 'quads', quads }, request.headers.accept, formatOptions);
  };
}
