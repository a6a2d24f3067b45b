import { expect } from 'chai';
import oxigraph from 'oxigraph';
import { readResultsTsv, UnreadableTsv } from '../../src/query/results-tsv.js';
import type { ResultsJson } from '../../src/query/results-json.js';

// Every kind of term an answer holds, with the characters a TSV writer must escape (tab, new line,
// carriage return, quote, backslash), one it may write raw (U+0001), and text past the BMP.
const GRAPH = `@prefix x: <http://x/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
x:a x:v "tab\\there, \\"quoted\\", back\\\\slash, new\\nline, return\\r, raw \\u0001, \\u00E9 \\U0001F600" .
x:a x:v "42"^^xsd:integer , "-0042"^^xsd:integer , "-4.50"^^xsd:decimal , "1e3"^^xsd:double , "true"^^xsd:boolean .
x:a x:v "not a number"^^xsd:integer , "2020-01-01"^^xsd:date , "bonjour"@fr-CA , "" , "plain"^^xsd:string .
x:a x:v _:blank , <http://x/with%20escape#frag> , x:iri .
x:b x:v "only one" .
`;

describe('query/results-tsv', () => {
  const store = new oxigraph.Store();
  store.load(GRAPH, { format: 'text/turtle' });
  const tsv = (query: string) => store.query(query, { results_format: 'text/tab-separated-values' }) as string;
  const json = (query: string) => JSON.parse(store.query(query, { results_format: 'application/sparql-results+json' }) as string) as ResultsJson;

  // [case, query]: the rows read from Oxigraph's TSV must be the rows of its own results JSON.
  const cases: Array<[string, string]> = [
    ['every kind of term', 'SELECT ?s ?o WHERE { ?s <http://x/v> ?o }'],
    ['unbound cells, in the middle and at the end of a row', 'SELECT ?o ?missing ?s WHERE { ?s <http://x/v> ?o OPTIONAL { ?s <http://x/none> ?missing } }'],
    ['computed values (counts, a string of a term)', 'SELECT ?s (COUNT(*) AS ?n) (SAMPLE(STR(?o)) AS ?text) WHERE { ?s <http://x/v> ?o } GROUP BY ?s'],
    ['no rows', 'SELECT ?s WHERE { ?s <http://x/none> ?o }'],
  ];
  for (const [name, query] of cases) {
    it(`reads what Oxigraph writes as JSON: ${name}`, () => {
      const expected = json(query);
      const read = readResultsTsv(tsv(query));
      expect(read.variables).to.deep.equal(expected.head.vars);
      expect(read.rows).to.deep.equal(expected.results!.bindings);
    });
  }

  it('reads the bare literals of Turtle as their datatypes', () => {
    expect(readResultsTsv('?n\n42\n-4.5\n1.5E3\nfalse\n').rows.map((row) => row.n)).to.deep.equal([
      { type: 'literal', value: '42', datatype: 'http://www.w3.org/2001/XMLSchema#integer' },
      { type: 'literal', value: '-4.5', datatype: 'http://www.w3.org/2001/XMLSchema#decimal' },
      { type: 'literal', value: '1.5E3', datatype: 'http://www.w3.org/2001/XMLSchema#double' },
      { type: 'literal', value: 'false', datatype: 'http://www.w3.org/2001/XMLSchema#boolean' },
    ]);
  });

  // [case, TSV]: what the reader leaves to the JSON instead of guessing.
  const refused: Array<[string, string]> = [
    ['an RDF-star triple term', '?t\n<< <http://x/a> <http://x/p> <http://x/b> >>\n'],
    ['an answer without variables (its rows are empty lines)', '\n\n'],
    ['an unknown escape', '?o\n"a\\qb"\n'],
    ['a bare word', '?o\nmaybe\n'],
    ['a literal with something after it', '?o\n"a"xyz\n'],
  ];
  for (const [name, text] of refused) {
    it(`gives up on ${name}`, () => {
      expect(() => readResultsTsv(text)).to.throw(UnreadableTsv);
    });
  }
});
