/**
 * The bundled queries over HTTP: the list (/queries), one query's text with its parameters bound
 * the way `peacegraph query --param` binds them (/queries/NAME), and its answer, a page at a time
 * (/queries/NAME/results?page=2&pageSize=100&PARAMETER=VALUE).
 */
import type { FastifyInstance } from 'fastify';
import type { Term } from '@rdfjs/types';
import { listBundledQueries, parameterTerms, type BundledQuery } from '../query/bundled.js';
import { bindParameters, parseQuery } from '../query/sparql.js';
import { BUNDLED } from '../paths.js';
import { pagingProperties, type PageRequest } from './paging.js';
import type { AnswerQuery } from './query-request.js';
import { refuse } from './answer.js';

const NAME = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } as const;
/** Every other field of the query string is a parameter of the query, given once. */
const PARAMETERS = { type: 'object', additionalProperties: { type: 'string' } } as const;

interface Named { readonly name: string }
type Parameters = Readonly<Record<string, string>>;
interface PagedParameters extends PageRequest { readonly [field: string]: string | number }

/** The bundled query and its parameters as RDF terms, or the reason (an unknown query or parameter, a value that is no IRI). */
async function bind(name: string, parameters: Parameters): Promise<{ query: BundledQuery; terms: Map<string, Term> } | { status: number; message: string }> {
  const query = (await listBundledQueries(BUNDLED.queries)).find((candidate) => candidate.name === name);
  if (query === undefined) return { status: 404, message: `No bundled query ${name}.` };
  // Empty fields leave their parameter unset: the query then answers for every value.
  const pairs = Object.entries(parameters).filter(([, value]) => value !== '').map(([parameter, value]) => `${parameter}=${value}`);
  try {
    return { query, terms: parameterTerms(query, pairs) };
  } catch (error) {
    return { status: 400, message: error instanceof Error ? error.message : String(error) };
  }
}

export function registerBundled(app: FastifyInstance, maxRows: number, answer: AnswerQuery): void {
  app.get('/queries', async () => (await listBundledQueries(BUNDLED.queries)).map((query) => ({
    name: query.name, title: query.title, description: query.description, text: query.text,
    parameters: Object.fromEntries(query.parameters),
  })));

  app.get<{ Params: Named; Querystring: Parameters }>('/queries/:name', { schema: { params: NAME, querystring: PARAMETERS } }, async (request, reply) => {
    const bound = await bind(request.params.name, request.query);
    if ('status' in bound) return refuse(reply, bound.status, bound.message);
    return reply.type('application/sparql-query; charset=utf-8').header('Cache-Control', 'no-cache')
      .send(bindParameters(parseQuery(bound.query.text), bound.terms));
  });

  const paged = { ...PARAMETERS, properties: pagingProperties(maxRows) } as const;
  app.get<{ Params: Named; Querystring: PagedParameters }>('/queries/:name/results', { schema: { params: NAME, querystring: paged } }, async (request, reply) => {
    const { page, pageSize, ...rest } = request.query;
    const parameters = Object.fromEntries(Object.entries(rest).map(([field, value]) => [field, String(value)]));
    const bound = await bind(request.params.name, parameters);
    if ('status' in bound) return refuse(reply, bound.status, bound.message);
    return answer({ query: bound.query.text, bindings: bound.terms }, request, reply, { page, pageSize });
  });
}
