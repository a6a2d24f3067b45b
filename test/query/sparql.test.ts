import { expect } from 'chai';
import { DataFactory } from 'n3';
import sparqljs from 'sparqljs';
import { bindParameters, parseQuery, QuerySyntaxError } from '../../src/query/sparql.js';

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
});
