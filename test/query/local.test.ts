import { expect } from 'chai';
import { LocalEngine, QueryTimeoutError } from '../../src/query/local.js';
import { runQuery } from '../../src/query/run.js';
import { graphSources } from '../../src/query/federated.js';
import { rowLines } from '../../src/query/result.js';
import { parameterTerms, parseHeader } from '../../src/query/bundled.js';

const MINI = 'test/fixtures/query/mini.trig';
const SCHEMA = 'PREFIX s: <http://schema.org/> ';

describe('query/local and query/federated', () => {
  const engine = new LocalEngine({ quads: { path: MINI, format: 'application/trig' } });
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
});
