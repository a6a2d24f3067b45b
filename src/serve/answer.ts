/** Sends a query answer in the format the client accepts, or 406 Not Acceptable naming the offered types; refusals as text. */
import type { FastifyReply } from 'fastify';
import type { FormatOptions } from '../query/format.js';
import type { QueryResult } from '../query/result.js';
import { RdfXmlError } from '../rdf-io/rdfxml.js';
import { negotiate, offeredTypes, type Offer } from './negotiate.js';
import { serialize } from './serialize.js';
import { addVary } from './vary.js';

/** A refusal or failure, as plain text. */
export function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(`${message}\n`);
}

export function notAcceptable(reply: FastifyReply, kind: 'table' | 'graph', detail = ''): FastifyReply {
  const what = kind === 'graph' ? 'a graph (CONSTRUCT, DESCRIBE, the service description)' : 'a table (SELECT, ASK)';
  return reply.code(406).type('text/plain; charset=utf-8')
    .send(`Not Acceptable: ${detail}the answer is ${what}, offered as ${offeredTypes(kind).join(', ')}.\n`);
}

/** A table the query worker wrote in the format of the offer negotiated for it. */
export function sendWritten(reply: FastifyReply, text: string, offer: Offer): FastifyReply {
  addVary(reply, 'Accept');
  return reply.code(200).type(offer.contentType).send(text);
}

export async function sendAnswer(reply: FastifyReply, result: QueryResult, accept: string | undefined, options: FormatOptions): Promise<FastifyReply> {
  const kind = result.kind === 'quads' ? 'graph' : 'table';
  addVary(reply, 'Accept');
  const offer = negotiate(accept, kind);
  if (offer === undefined) return notAcceptable(reply, kind);
  try {
    return reply.code(200).type(offer.contentType).send(await serialize(result, offer.format, options));
  } catch (error) {
    if (error instanceof RdfXmlError) return notAcceptable(reply, kind, `${error.message}; `);
    throw error;
  }
}
