/** What a request for an answer holds once its schema has checked it, and the function that answers it. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Term } from '@rdfjs/types';
import type { PageRequest } from './paging.js';

/** The SPARQL 1.1 Protocol's fields (in a query string or a body), each a string given once. */
export const PROTOCOL_FIELDS = { query: { type: 'string' }, update: { type: 'string' } } as const;

export interface ProtocolFields {
  readonly query?: string;
  readonly update?: string;
}

export interface PagedFields extends ProtocolFields, PageRequest {}

/** A query to answer: the protocol's fields, or a bundled query with its parameters as RDF terms. */
export interface QueryFields extends ProtocolFields {
  readonly bindings?: ReadonlyMap<string, Term>;
}

/** Answers a query in the format the client accepts; with `paging`, one page of a SELECT. */
export type AnswerQuery = (fields: QueryFields, request: FastifyRequest, reply: FastifyReply, paging?: PageRequest) => Promise<FastifyReply>;
