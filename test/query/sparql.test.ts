import { expect } from 'chai';
import { DataFactory } from 'n3';
import sparqljs from 'sparqljs';
import { bindParameters, checkLimits, nestingDepth, parseQuery, prepareQuery, QueryRefusedError, QuerySyntaxError } from '../../src/query/sparql.js';

describe('query/sparql', () => {
  const syntaxErrors: Array<[string, string, RegExp]> = [
    ['a stray brace', 'SELECT ?x WHERE {\n  ?x ?y\n}}', /line 2, column \d+/],
    ['a missing brace', 'SELECT ?x WHERE { ?x ?y ?z', /end of query|unexpected/],
    ['an unknown prefix', 'SELECT ?x WHERE { ?x foo:bar ?z }', /foo/],
  ];
  for (const [name, text, message] of syntaxErrors) {
    it(`reports ${name} with its position`, () => {
      expect(() => parseQuery(text)).to.throw(QuerySyntaxError, message);
    });
  }

  for (const update of ['INSERT DATA { <http://a> <http://b> <http://c> }', 'DROP ALL', 'CLEAR DEFAULT']) {
    it(`refuses the update ${update}`, () => expect(() => parseQuery(update)).to.throw(QuerySyntaxError, /read-only/));
  }

  it('knows the query form, the projection and whether it is ordered', () => {
    const parsed = parseQuery('SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c } GROUP BY ?a ORDER BY ?a');
    expect([parsed.form, parsed.variables, parsed.ordered]).to.deep.equal(['SELECT', ['a', 'n'], true]);
    expect(parseQuery('ASK { ?a ?b ?c }').form).to.equal('ASK');
  });

  it('parses a query text once, and refuses a bad one every time it comes', () => {
    const text = 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 1';
    expect(parseQuery(text)).to.equal(parseQuery(text));
    for (let attempt = 0; attempt < 2; attempt += 1) expect(() => parseQuery('SELECT ?s WHERE {')).to.throw(QuerySyntaxError);
  });

  describe('bindParameters', () => {
    const query = parseQuery('PREFIX s: <http://schema.org/> SELECT ?p WHERE { ?p s:name ?name }');
    const hostile = [
      'x" } ; DROP ALL ; #',
      'x\' } } INSERT DATA { <a> <b> <c> } #',
      'line\nbreak "quoted" \\ backslash',
      '<script>alert(1)</script> ✓ مرحبا 😀',
    ];
    for (const value of hostile) {
      it(`binds ${JSON.stringify(value)} as one literal, never as query text`, () => {
        const bound = bindParameters(query, new Map([['name', DataFactory.literal(value)]]));
        const tree = new sparqljs.Parser().parse(bound) as sparqljs.SelectQuery;
        expect(tree.where!.map((pattern) => pattern.type)).to.deep.equal(['values', 'bgp']);
        const [row] = (tree.where![0] as sparqljs.ValuesPattern).values;
        expect(row!['?name']).to.deep.include({ termType: 'Literal', value });
      });
    }
    it('leaves the query alone without parameters', () => expect(bindParameters(query, new Map())).to.equal(query.text));
  });

  describe('limits, checked before parsing', () => {
    const depths: Array<[string, string, number]> = [
      ['a flat query', 'ASK { ?s ?p ?o }', 1],
      ['a FILTER in a group', 'SELECT * WHERE { ?s ?p ?o FILTER((?o > 1)) }', 3],
      ['brackets inside strings', 'ASK { ?s ?p "{{{(((" . ?s ?p \'[[[\' }', 1],
      ['brackets inside a long string', 'ASK { ?s ?p """{{ " (( """ }', 1],
      ['an escaped quote in a string', 'ASK { ?s ?p "a\\"{{" }', 1],
      ['a comment', 'ASK { ?s ?p ?o # {{{{ ((((\n }', 1],
      ['a # inside an IRI is not a comment', 'ASK { ?s <http://e.org/p#x> ?o . { ?s ?p ?o } }', 2],
      ['a less-than operator', 'ASK { ?s ?p ?o FILTER(?o < 3 && (?o > 1)) }', 3],
      ['a blank node property list', 'ASK { ?s ?p [ ?q [ ?r ?o ] ] }', 3],
      ['unbalanced closers do not go below zero', '}}} { ?s ?p ?o }', 1],
    ];
    for (const [name, text, depth] of depths) {
      it(`nesting depth of ${name}: ${depth}`, () => expect(nestingDepth(text)).to.equal(depth));
    }

    it('refuses a 5,000-deep query before sparqljs sees it (it would take minutes)', () => {
      const deep = `SELECT * WHERE ${'{ '.repeat(5000)}?s ?p ?o${' }'.repeat(5000)}`;
      expect(() => checkLimits(deep, { maxBytes: 1e6, maxDepth: 64 })).to.throw(QueryRefusedError, /nested 5000 deep refused: the limit is 64/);
    });

    it('refuses a query over the size limit, counted in bytes', () => {
      expect(() => checkLimits('ASK { ?s ?p "ééé" }', { maxBytes: 20, maxDepth: 64 })).to.throw(QueryRefusedError, /of 22 bytes refused/);
      expect(() => checkLimits('ASK { ?s ?p "eee" }', { maxBytes: 20, maxDepth: 64 })).not.to.throw();
    });
  });

  describe('what a query reaches outside the graph', () => {
    it('finds SERVICE clauses anywhere: nested, in a subquery, in FILTER EXISTS, as a variable', () => {
      const query = parseQuery(`SELECT * WHERE {
        { SERVICE <http://a.example/sparql> { ?s ?p ?o } }
        { SELECT ?s WHERE { SERVICE SILENT <http://b.example/sparql> { ?s ?p ?o } } }
        FILTER EXISTS { SERVICE ?endpoint { ?s ?p ?o } }
      }`);
      expect([...query.services].sort()).to.deep.equal(['?endpoint', 'http://a.example/sparql', 'http://b.example/sparql']);
    });

    it('knows the FROM and FROM NAMED graphs', () => {
      const query = parseQuery('SELECT * FROM <http://g/1> FROM NAMED <http://g/2> WHERE { ?s ?p ?o }');
      expect(query.dataset).to.deep.equal({ default: ['http://g/1'], named: ['http://g/2'] });
      expect(parseQuery('ASK {}').dataset).to.deep.equal({ default: [], named: [] });
    });
  });

  describe('prepareQuery: the result cap as a LIMIT', () => {
    const limitOf = (text: string) => (new sparqljs.Parser().parse(text) as { limit?: number }).limit;
    const cases: Array<[string, string, number | undefined]> = [
      ['adds one when there is none (one more row than the cap tells that the answer was cut)', 'SELECT * WHERE { ?s ?p ?o }', 11],
      ['lowers a larger one', 'SELECT * WHERE { ?s ?p ?o } LIMIT 500', 11],
      ['keeps a smaller one', 'SELECT * WHERE { ?s ?p ?o } LIMIT 3', 3],
      ['bounds a CONSTRUCT', 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }', 11],
      ['leaves an ASK alone', 'ASK { ?s ?p ?o }', undefined],
    ];
    for (const [name, text, limit] of cases) {
      it(name, () => expect(limitOf(prepareQuery(parseQuery(text), new Map(), 10))).to.equal(limit));
    }

    it('writes no cap the engine could not read (beyond 2^31 - 1 rows: no cap at all)', () => {
      expect(limitOf(prepareQuery(parseQuery('SELECT * WHERE { ?s ?p ?o }'), new Map(), Number.MAX_SAFE_INTEGER))).to.equal(undefined);
      expect(limitOf(prepareQuery(parseQuery('SELECT * WHERE { ?s ?p ?o } LIMIT 7'), new Map(), Number.MAX_SAFE_INTEGER))).to.equal(7);
    });

    const windowOf = (text: string) => {
      const tree = new sparqljs.Parser().parse(text) as { limit?: number; offset?: number };
      return [tree.limit, tree.offset];
    };
    // A page of 10 rows from offset 20: LIMIT 11 (one row more tells that another page follows).
    const pages: Array<[string, string, Array<number | undefined>]> = [
      ['writes the page as OFFSET and LIMIT', 'SELECT * WHERE { ?s ?p ?o } ORDER BY ?s', [11, 20]],
      ['starts the page after the query\'s own OFFSET', 'SELECT * WHERE { ?s ?p ?o } OFFSET 5', [11, 25]],
      ['ends the page at the query\'s own LIMIT', 'SELECT * WHERE { ?s ?p ?o } LIMIT 25', [5, 20]],
      ['asks for nothing past the query\'s own LIMIT', 'SELECT * WHERE { ?s ?p ?o } LIMIT 15 OFFSET 3', [0, 23]],
    ];
    for (const [name, text, window] of pages) {
      it(name, () => expect(windowOf(prepareQuery(parseQuery(text), new Map(), 10, 20))).to.deep.equal(window));
    }

    it('pages keep the query\'s ORDER BY', () => {
      const tree = new sparqljs.Parser().parse(prepareQuery(parseQuery('SELECT ?s WHERE { ?s ?p ?o } ORDER BY DESC(?s)'), new Map(), 10, 20)) as sparqljs.SelectQuery;
      expect(tree.order?.map((order) => [order.descending, (order.expression as { value: string }).value])).to.deep.equal([[true, 's']]);
    });

    it('keeps ORDER BY, OFFSET and the parameters when it adds the cap', () => {
      const query = parseQuery('PREFIX s: <http://schema.org/> SELECT ?p WHERE { ?p s:name ?name } ORDER BY ?p OFFSET 5');
      const tree = new sparqljs.Parser().parse(prepareQuery(query, new Map([['name', DataFactory.literal('x')]]), 10)) as sparqljs.SelectQuery;
      expect([tree.limit, tree.offset, tree.order?.length, tree.where![0]!.type]).to.deep.equal([11, 5, 1, 'values']);
    });
  });
});
