/**
 * The remote SPARQL client against a small HTTP server in this test, one row per answer a store
 * could give: good results of each form, HTTP errors, stalls, wrong content types, text that is
 * not JSON, and JSON that is not SPARQL results. Expected results are written by hand.
 */
import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataFactory } from 'n3';
import { queryEndpoint, EndpointError } from '../../src/query/endpoint.js';
import { QueryTimeoutError } from '../../src/query/local.js';
import { runQuery } from '../../src/query/run.js';
import { rowLines, type QueryResult } from '../../src/query/result.js';
import type { QueryForm } from '../../src/query/sparql.js';

const { literal } = DataFactory;
const XSD = 'http://www.w3.org/2001/XMLSchema#';

interface Answer {
  readonly status?: number;
  readonly type?: string;
  readonly body?: string;
  /** Send the headers and part of the body, then nothing more. */
  readonly stall?: boolean;
  /** Never answer at all. */
  readonly silent?: boolean;
}

interface Received {
  readonly method: string;
  readonly contentType: string;
  readonly accept: string;
  readonly query: string | null;
}

const json = (value: unknown): Answer => ({ type: 'application/sparql-results+json', body: JSON.stringify(value) });
const select = (bindings: unknown, vars: unknown = ['x']): Answer => json({ head: { vars }, results: { bindings } });

describe('query/endpoint: a remote SPARQL endpoint', () => {
  let server: Server;
  let url: string;
  let answer: Answer;
  let received: Received[];
  const hanging = new Set<ServerResponse>();

  before(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let text = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => { text += chunk; });
      request.on('end', () => {
        received.push({
          method: request.method ?? '', contentType: request.headers['content-type'] ?? '', accept: request.headers.accept ?? '',
          query: new URLSearchParams(text).get('query'),
        });
        if (answer.silent) { hanging.add(response); return; }
        response.writeHead(answer.status ?? 200, answer.type === undefined ? {} : { 'content-type': answer.type });
        if (answer.stall) { response.write((answer.body ?? '').slice(0, 10)); hanging.add(response); return; }
        response.end(answer.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`;
  });
  beforeEach(() => { received = []; });
  afterEach(() => {
    for (const response of hanging) response.destroy();
    hanging.clear();
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function ask(given: Answer, form: QueryForm = 'SELECT', timeoutMs?: number): Promise<QueryResult> {
    answer = given;
    return queryEndpoint(url, 'SELECT * WHERE { ?x ?p ?o }', form, timeoutMs);
  }

  async function failure(given: Answer, form: QueryForm = 'SELECT', timeoutMs?: number): Promise<Error> {
    try {
      await ask(given, form, timeoutMs);
    } catch (error) {
      if (error instanceof Error) return error;
      throw error;
    }
    throw new Error('the query did not fail');
  }

  describe('good answers', () => {
    it('posts the query form-encoded, asking for results JSON', async () => {
      await ask(select([]));
      expect(received).to.deep.equal([{ method: 'POST', contentType: 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json', query: 'SELECT * WHERE { ?x ?p ?o }' }]);
    });

    it('reads every kind of term of a SELECT answer', async () => {
      const result = await ask(select([
        { x: { type: 'uri', value: 'https://e.org/a' }, y: { type: 'literal', value: 'Genève', 'xml:lang': 'fr' } },
        { x: { type: 'bnode', value: 'b0' }, y: { type: 'literal', value: '7', datatype: `${XSD}integer` } },
        // SPARQL 1.0's typed-literal, as Virtuoso answers; and a plain literal, whose datatype is xsd:string.
        { x: { type: 'literal', value: 'plain' }, y: { type: 'typed-literal', value: '2.5', datatype: `${XSD}decimal` } },
        { y: { type: 'triple', value: { subject: { type: 'uri', value: 'https://e.org/a' }, predicate: { type: 'uri', value: 'https://e.org/p' }, object: { type: 'literal', value: 'o' } } } },
      ], ['x', 'y']));
      expect(result.kind).to.equal('bindings');
      expect(rowLines(result)).to.deep.equal([
        '<https://e.org/a>\t"Genève"@fr',
        '_:b0\t"7"^^<http://www.w3.org/2001/XMLSchema#integer>',
        '"plain"\t"2.5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
        'UNBOUND\t<< <https://e.org/a> <https://e.org/p> "o" >>',
      ]);
    });

    it('accepts plain application/json with a charset', async () => {
      const result = await ask({ type: 'application/json; charset=utf-8', body: JSON.stringify({ head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'literal', value: 'a' } }] } }) });
      expect(rowLines(result)).to.deep.equal(['"a"']);
    });

    it('reads an ASK answer', async () => {
      expect(await ask(json({ head: {}, boolean: false }), 'ASK')).to.deep.equal({ kind: 'boolean', value: false });
    });

    it('reads a CONSTRUCT answer in N-Triples, asking for it', async () => {
      const result = await ask({ type: 'application/n-triples', body: '<https://e.org/a> <https://e.org/p> "o"@en .\n' }, 'CONSTRUCT');
      expect(received[0]!.accept).to.match(/^application\/n-triples/);
      expect(result.kind).to.equal('quads');
      expect(rowLines(result)).to.deep.equal(['<https://e.org/a> <https://e.org/p> "o"@en']);
    });

    for (const [type, body] of [
      ['text/plain', '<https://e.org/a> <https://e.org/p> <https://e.org/b> .'],
      ['text/turtle', '@prefix e: <https://e.org/> . e:a e:p e:b .'],
      ['text/rdf+n3; charset=UTF-8', '@prefix e: <https://e.org/> . e:a e:p e:b .'],
    ]) {
      it(`reads a CONSTRUCT answer a store sent as ${type}`, async () => {
        const result = await ask({ type, body }, 'CONSTRUCT');
        expect(rowLines(result)).to.deep.equal(['<https://e.org/a> <https://e.org/p> <https://e.org/b>']);
      });
    }

    it('is what runQuery uses for an endpoint target, with parameters bound in the text', async () => {
      answer = select([]);
      await runQuery('SELECT ?x WHERE { ?x <https://e.org/name> ?name }', { kind: 'endpoint', url }, { bindings: new Map([['name', literal('Ada')]]) });
      expect(received[0]!.query).to.include('"Ada"');
    });
  });

  describe('failures, each naming the endpoint', () => {
    const rows: Array<[string, Answer, QueryForm, RegExp]> = [
      ['an HTTP error, with what the store said', { status: 500, type: 'text/plain', body: 'Virtuoso 37000 Error SP030: syntax error' }, 'SELECT', /answered HTTP 500: Virtuoso 37000 Error SP030: syntax error/],
      ['an HTML page instead of results', { type: 'text/html', body: '<html><body>Please log in</body></html>' }, 'SELECT', /answered text\/html, not SPARQL results JSON: <html><body>Please log in/],
      ['results JSON instead of a graph', { type: 'application/sparql-results+json', body: '{}' }, 'CONSTRUCT', /answered application\/sparql-results\+json, not N-Triples or Turtle/],
      ['N-Triples that do not parse', { type: 'application/n-triples', body: '<https://e.org/a> <https://e.org/p> .\n' }, 'CONSTRUCT', /answered N-Triples that does not parse: /],
      ['text that is not JSON', { type: 'application/sparql-results+json', body: '{"head": {"vars": ["x"]}, "results": ' }, 'SELECT', /answered text that is not JSON \(.*\): \{"head"/],
      ['an empty answer', { type: 'application/sparql-results+json', body: '' }, 'SELECT', /answered text that is not JSON/],
    ];
    for (const [name, given, form, message] of rows) {
      it(name, async () => {
        const error = await failure(given, form);
        expect(error).to.be.instanceOf(EndpointError);
        expect(error.message).to.contain(`SPARQL endpoint ${url} `);
        expect(error.message).to.match(message);
      });
    }

    it('an address where nothing listens', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/sparql`;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const error = await queryEndpoint(gone, 'ASK {}', 'ASK').then(() => undefined, (caught: unknown) => caught);
      expect(error).to.be.instanceOf(EndpointError);
      expect(error).to.have.property('message', `SPARQL endpoint ${gone} cannot be reached (ECONNREFUSED)`);
    });

    it('a port fetch refuses to use, with fetch\'s reason', async () => {
      const error = await queryEndpoint('http://127.0.0.1:9/sparql', 'ASK {}', 'ASK').then(() => undefined, (caught: unknown) => caught);
      expect(error).to.have.property('message', 'SPARQL endpoint http://127.0.0.1:9/sparql cannot be reached (bad port)');
    });

    it('a store that never answers: the query times out', async () => {
      const error = await failure({ silent: true }, 'SELECT', 300);
      expect(error).to.be.instanceOf(QueryTimeoutError);
      expect(error.message).to.equal('query timed out after 300 ms');
    });

    it('a store that stalls in the middle of its answer: the query times out too', async () => {
      const error = await failure({ ...select([{ x: { type: 'literal', value: 'a' } }]), stall: true }, 'SELECT', 300);
      expect(error).to.be.instanceOf(QueryTimeoutError);
    });
  });

  describe('results JSON of the wrong shape: where, and what is wrong', () => {
    const term = { type: 'literal', value: 'a' };
    const rows: Array<[string, unknown, string]> = [
      ['not an object', [], 'the answer should be an object, is an array ([])'],
      ['no head', { results: { bindings: [] } }, 'head should be an object, is missing'],
      ['variables not a list', { head: { vars: 'x' }, results: { bindings: [] } }, 'head.vars should be an array of variable names, is a string ("x")'],
      ['a variable not a name', { head: { vars: ['x', 3] }, results: { bindings: [] } }, 'head.vars[1] should be a string, is a number (3)'],
      ['no results', { head: { vars: ['x'] } }, 'results should be an object, is missing'],
      ['bindings not a list', { head: { vars: ['x'] }, results: { bindings: { x: term } } }, 'results.bindings should be an array, is an object ({"x":{"type":"literal","value":"a"}})'],
      ['a binding not an object', { head: { vars: ['x'] }, results: { bindings: [{ x: term }, null] } }, 'results.bindings[1] should be an object, is null'],
      ['a term not an object', { head: { vars: ['x'] }, results: { bindings: [{ x: 'a' }] } }, 'results.bindings[0].x should be an object, is a string ("a")'],
      ['a term of no known type', { head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'banana', value: 'a' } }] } }, 'results.bindings[0].x.type should be uri, literal, typed-literal, bnode, triple, is a string ("banana")'],
      ['a term without a value', { head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'uri' } }] } }, 'results.bindings[0].x.value should be a string, is missing'],
      ['a number as a value', { head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'literal', value: 7 } }] } }, 'results.bindings[0].x.value should be a string, is a number (7)'],
      ['a datatype not a string', { head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'literal', value: '7', datatype: true } }] } }, 'results.bindings[0].x.datatype should be a string, is a boolean (true)'],
      ['a language not a string', { head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'literal', value: 'a', 'xml:lang': ['en'] } }] } }, 'results.bindings[0].x.xml:lang should be a string, is an array (["en"])'],
      ['an IRI with a language', { head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'uri', value: 'https://e.org/', 'xml:lang': 'en' } }] } }, 'results.bindings[0].x is a uri with a datatype or language, which only literals have'],
      ['a triple with a literal subject', { head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'triple', value: { subject: term, predicate: { type: 'uri', value: 'https://e.org/p' }, object: term } } }] } }, 'results.bindings[0].x.value.subject.type should be uri, bnode, triple, is a string ("literal")'],
      ['a triple without a predicate', { head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'triple', value: { subject: { type: 'bnode', value: 'b' }, object: term } } }] } }, 'results.bindings[0].x.value.predicate should be an object, is missing'],
      ['an ASK answer that is not a boolean', { head: {}, boolean: 'true' }, 'boolean should be true or false, is a string ("true")'],
    ];
    for (const [name, body, problem] of rows) {
      it(name, async () => {
        const error = await failure(json(body));
        expect(error.message).to.equal(`SPARQL endpoint ${url} answered malformed SPARQL results JSON: ${problem}`);
      });
    }
  });
});
