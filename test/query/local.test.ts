import { expect } from 'chai';
import { EngineFailedError, LocalEngine, QueryTimeoutError } from '../../src/query/local.js';
import { QueryRefusedError } from '../../src/query/sparql.js';
import { runQuery } from '../../src/query/run.js';
import { graphSources } from '../../src/query/federated.js';
import { rowLines } from '../../src/query/result.js';
import { parameterTerms, parseHeader } from '../../src/query/bundled.js';
import { formatResult } from '../../src/query/format.js';
import { TABLE_FORMATS } from '../../src/query/table-text.js';

const MINI = 'test/fixtures/query/mini.trig';
const SCHEMA = 'PREFIX s: <http://schema.org/> ';

describe('query/local and query/federated', () => {
  const engine = new LocalEngine({ quads: { path: MINI, format: 'application/trig' } });
  before(() => engine.ready());
  after(() => engine.close());

  const cases: Array<[string, string, string[]]> = [
    ['the default graph is the union of the named graphs', `${SCHEMA}SELECT ?n WHERE { ?p a s:Person ; s:name ?n } ORDER BY ?n`, ['"Ana Lima"', '"Omar Diallo"']],
    ['named graphs stay queryable', 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g',
      ['<https://w3id.org/peacegraph/id/graph/one>\t"21"^^<http://www.w3.org/2001/XMLSchema#integer>', '<https://w3id.org/peacegraph/id/graph/two>\t"8"^^<http://www.w3.org/2001/XMLSchema#integer>']],
    ['ASK', `${SCHEMA}ASK { ?p s:name "Ana Lima" }`, ['true']],
    ['CONSTRUCT', `${SCHEMA}CONSTRUCT { ?p s:name ?n } WHERE { ?p s:name ?n ; s:affiliation ?o }`,
      ['<https://w3id.org/peacegraph/id/person/ana-lima> <http://schema.org/name> "Ana Lima"', '<https://w3id.org/peacegraph/id/person/omar-diallo> <http://schema.org/name> "Omar Diallo"']],
  ];
  for (const [name, query, expected] of cases) {
    it(`Oxigraph: ${name}`, async () => {
      expect(rowLines((await runQuery(query, { kind: 'local', engine })).result)).to.deep.equal(expected);
    });
    it(`Comunica gives the same: ${name}`, async () => {
      const sources = await graphSources({ quads: { path: MINI, format: 'application/trig' } });
      expect(rowLines((await runQuery(query, { kind: 'federated', sources })).result)).to.deep.equal(expected);
    });
  }

  it('binds a declared parameter as a literal', async () => {
    const bundled = parseHeader('q', 'q.rq', `# param: org literal\n${SCHEMA}SELECT ?n WHERE { ?o s:alternateName ?org . ?p s:affiliation ?o ; s:name ?n }`);
    const bindings = parameterTerms(bundled, ['org=ICRC']);
    expect(rowLines((await runQuery(bundled.text, { kind: 'local', engine }, { bindings })).result)).to.deep.equal(['"Omar Diallo"']);
  });

  it('refuses undeclared parameters and bad IRIs', () => {
    const bundled = parseHeader('q', 'q.rq', '# param: who iri\nSELECT * WHERE { ?who ?p ?o }');
    expect(() => parameterTerms(bundled, ['other=1'])).to.throw(/has no parameter other/);
    expect(() => parameterTerms(bundled, ['who=not an iri'])).to.throw(/not an absolute IRI/);
    expect(parameterTerms(bundled, ['who=http://example.org/a b>']).get('who')!.value).to.equal('http://example.org/a%20b%3E');
  });

  it('times out a slow query and keeps answering afterwards', async () => {
    const slow = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }';
    let error: unknown;
    try {
      await runQuery(slow, { kind: 'local', engine }, { timeoutMs: 100 });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(QueryTimeoutError);
    expect(rowLines((await runQuery(`${SCHEMA}ASK { ?p s:name "Omar Diallo" }`, { kind: 'local', engine })).result)).to.deep.equal(['true']);
  });

  describe('the worker pool', () => {
    const local = (query: string, options = {}) => runQuery(query, { kind: 'local', engine }, options);
    const failure = async (promise: Promise<unknown>): Promise<Error> => {
      try {
        await promise;
      } catch (error) {
        return error as Error;
      }
      throw new Error('the query did not fail');
    };
    const count = async (query: string) => rowLines((await local(query)).result)[0]!.replace(/^"(\d+)".*$/, '$1');

    it('honours FROM and FROM NAMED (mini.trig: graph one holds 21 triples, graph two 8)', async () => {
      expect(await count('SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/peacegraph/id/graph/two> WHERE { ?s ?p ?o }')).to.equal('8');
      expect(await count('SELECT (COUNT(*) AS ?n) FROM NAMED <https://w3id.org/peacegraph/id/graph/one> WHERE { GRAPH ?g { ?s ?p ?o } }')).to.equal('21');
      expect(await count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')).to.equal('29');
    });

    const refusals: Array<[string, string, RegExp]> = [
      ['a FROM naming no graph of the data', 'SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }', /FROM <http:\/\/example\.org\/g>: the local graph has no named graph of that name \(it has 2: <https:\/\/w3id\.org\/peacegraph\/id\/graph\/one>/],
      ['a SERVICE clause', 'SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }', /never calls other endpoints/],
    ];
    for (const [name, query, message] of refusals) {
      it(`refuses ${name}`, async () => {
        const error = await failure(local(query));
        expect(error).to.be.instanceOf(QueryRefusedError);
        expect(error.message).to.match(message);
      });
    }

    it('bounds the query by the row cap, so an exploding join with a cap answers at once', async () => {
      const answer = await local('SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?q ?r ?s }', { maxRows: 5 });
      expect(rowLines(answer.result)).to.have.length(5);
      expect(answer.truncated).to.equal(true);
      const whole = await local(`${SCHEMA}SELECT ?n WHERE { ?p a s:Person ; s:name ?n }`, { maxRows: 5 });
      expect([rowLines(whole.result).length, whole.truncated]).to.deep.equal([2, false]);
    });

    // [case, query, options]: the worker writes the answer as the engine's thread would have written its rows.
    const written: Array<[string, string, { maxRows?: number; page?: { offset: number; size: number } }]> = [
      ['sorted here', `${SCHEMA}SELECT ?n ?p WHERE { ?p s:name ?n } ORDER BY ?n`, {}],
      ['sorted here, a page', `${SCHEMA}SELECT ?n ?p WHERE { ?p s:name ?n } ORDER BY ?n`, { page: { offset: 1, size: 2 } }],
      ['in the engine\'s order, cut at the cap', `${SCHEMA}SELECT ?p ?o WHERE { ?p s:affiliation ?o OPTIONAL { ?o s:url ?u } }`, { maxRows: 1 }],
      ['without a cap', `${SCHEMA}SELECT * WHERE { ?p a s:Person ; s:name ?n }`, {}],
    ];
    for (const [name, query, options] of written) {
      for (const format of TABLE_FORMATS) {
        it(`writes a SELECT's answer as ${format} in the worker: ${name}`, async () => {
          const printed = await local(query, options);
          const answer = await runQuery(query, { kind: 'local', engine }, { ...options, write: format });
          if (!('written' in answer)) throw new Error('the answer was not written');
          expect(answer.written.text).to.equal(await formatResult(printed.result, format, { prefixes: {}, context: {} }));
          expect([answer.written.rows, answer.truncated]).to.deep.equal([rowLines(printed.result).length, printed.truncated]);
        });
      }
    }

    it('sends ASK and CONSTRUCT answers unwritten', async () => {
      for (const query of [`${SCHEMA}ASK { ?p s:name "Ana Lima" }`, `${SCHEMA}CONSTRUCT { ?p s:name ?n } WHERE { ?p s:name ?n }`]) {
        expect(await runQuery(query, { kind: 'local', engine }, { write: 'csv' })).to.have.property('result');
      }
    });

    it('replaces a worker whose engine traps, and answers the next query', async () => {
      const trap = `SELECT * {?s ?p ?o ${Array.from({ length: 3000 }, () => `FILTER(?o != "${'x'.repeat(50)}")`).join(' ')}}`;
      const before = engine.replacements;
      const error = await failure(local(trap));
      expect(error).to.be.instanceOf(EngineFailedError);
      expect(error.message).to.match(/memory access out of bounds/);
      expect(engine.replacements).to.equal(before + 1);
      expect(rowLines((await local('ASK {}')).result)).to.deep.equal(['true']);
    });

    it('replaces a worker whose memory grew past the limit, after answering', async () => {
      const small = new LocalEngine({ quads: { path: MINI, format: 'application/trig' } }, { maxQueryMemoryMb: 1 });
      try {
        await small.ready();
        const answer = await runQuery('SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }', { kind: 'local', engine: small });
        expect(rowLines(answer.result)).to.have.length(29 ** 3);
        expect(small.replacements).to.equal(1);
        expect(rowLines((await runQuery('ASK {}', { kind: 'local', engine: small })).result)).to.deep.equal(['true']);
      } finally {
        await small.close();
      }
    });

    it('says why a graph does not load, on ready() and on every query', async () => {
      const broken = new LocalEngine({ triples: { path: 'test/fixtures/query/mini.trig', format: 'application/n-triples' } }, { preload: true });
      try {
        expect((await failure(broken.ready())).message).to.match(/^cannot load test\/fixtures\/query\/mini\.trig: /);
        expect((await failure(runQuery('ASK {}', { kind: 'local', engine: broken }))).message).to.match(/^cannot load /);
      } finally {
        await broken.close();
      }
    });
  });
});
