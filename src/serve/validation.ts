/**
 * Request input checked at the boundary: each route declares the JSON schema of its query string,
 * path and body, fastify validates against it before the handler runs, and a request that does
 * not fit gets 400 with a plain-text message naming the field. Bodies are the SPARQL 1.1
 * Protocol's: a query, an update or an HTML form, each read into an object of fields.
 */
import type { FastifyError, FastifyInstance, FastifySchemaValidationError } from 'fastify';
import type { SchemaErrorDataVar } from 'fastify/types/schema.js';

/** Fields of a body: one string each, or a list when a form repeats a field (which the schemas refuse). */
export type BodyFields = Record<string, string | string[]>;

/** An HTML form body as fields; a repeated field keeps every value, so that it is refused rather than one silently kept. */
export function parseForm(body: string): BodyFields {
  const fields: BodyFields = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const earlier = fields[name];
    fields[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return fields;
}

const WHERE: Readonly<Record<SchemaErrorDataVar, string>> = {
  querystring: 'query parameter', body: 'form field', params: 'path part', headers: 'header',
};

/** What is wrong with one field, in words: `page must be a whole number`. */
function describeError(error: FastifySchemaValidationError, dataVar: SchemaErrorDataVar): string {
  // A POST with no body at all: the schema's object is missing, not one of its fields.
  if (error.instancePath === '' && error.keyword === 'type') return `no ${dataVar === 'body' ? 'body: POST an application/sparql-query body or a form' : WHERE[dataVar]}`;
  const field = error.instancePath.replace(/^\//, '') || String(error.params.missingProperty ?? '');
  const problem = (() => {
    switch (error.keyword) {
      // Only a repeated field arrives as anything but a string: every body and query string is text.
      case 'type': return error.params.type === 'string' ? 'must be given once' : `must be ${error.params.type === 'integer' ? 'a whole number' : String(error.params.type)}`;
      case 'minimum': return `must be at least ${String(error.params.limit)}`;
      case 'maximum': return `must be at most ${String(error.params.limit)}`;
      case 'required': return 'is missing';
      default: return error.message ?? 'is not valid';
    }
  })();
  return `${WHERE[dataVar]} ${field} ${problem}`;
}

/** fastify's schemaErrorFormatter: one sentence for the first field that does not fit. */
export function formatSchemaErrors(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  return new Error(`Bad request: ${errors.map((error) => describeError(error, dataVar)).join('; ')}.`);
}

/**
 * Refusals as plain text, like every other answer of the server that is not a result: schema
 * failures (400), bodies too large (413) or of a type the protocol does not define (415).
 */
export function installPlainErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    const message = status < 500 ? error.message : 'Internal server error';
    return reply.code(status).type('text/plain; charset=utf-8').send(`${message}\n`);
  });
}
