/** GET /sparql without a query: the service description, negotiated like any graph answer. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormatOptions } from '../query/format.js';
import type { QueryResult } from '../query/result.js';
import type { JsonLdContext } from '../write/jsonld.js';
import { sendAnswer } from './answer.js';
import { countDataset, SD_PREFIXES, serviceDescription, type DatasetCounts } from './service-description.js';

export type DescribeHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/** `run` answers the VoID count queries (once, on the first request; no counts if they fail or time out). */
export function describeService(run: (query: string) => Promise<QueryResult>, context: JsonLdContext): DescribeHandler {
  let counts: Promise<DatasetCounts | undefined> | undefined;
  const formatOptions: FormatOptions = { prefixes: { ...SD_PREFIXES }, context };
  return async (request, reply) => {
    counts ??= countDataset(run).catch(() => undefined);
    const endpoint = `${request.protocol}://${request.host}${request.url.split('?')[0]}`;
    const quads = serviceDescription({ endpoint, title: 'peacegraph SPARQL endpoint', counts: await counts });
    return sendAnswer(reply, { kind: 'quads', quads }, request.headers.accept, formatOptions);
  };
}
