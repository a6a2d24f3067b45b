import { expect } from 'chai';
import oxigraph from 'oxigraph';
import { compareCodePoints, orderRows, plainOrder } from '../../src/query/order-rows.js';
import { parseQuery, unorderedQuery } from '../../src/query/sparql.js';
import { fromResultsJson, type JsonBinding, type ResultsJson } from '../../src/query/results-json.js';
import type { LocalEngine } from '../../src/query/local.js';
import { turtleEngine } from './turtle-engine.js';
import { rowLines } from '../../src/query/result.js';
import { runQuery } from '../../src/query/run.js';

const X = 'PREFIX x: <http://x/> ';
const JSON_RESULTS = 'application/sparql-results+json';

// Every kind of term the sort orders, and kinds it leaves to the engine: the values are hand-made to
// fall where UTF-16 and code point order part (U+FF5E against U+1F600), with integers past 2^53.
const GRAPH = `@prefix x: <http://x/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
x:r1 x:text "b" ; x:number 10 ; x:group "g2" ; x:mixed "b" .
x:r2 x:text "a" ; x:number 9 ; x:group "g1" ; x:mixed x:iri .
x:r3 x:text "\uFF5E" ; x:number -3 ; x:group "g2" ; x:lang "a"@en .
x:r4 x:text "\u{1F600}" ; x:number "+4"^^xsd:integer ; x:group "g1" ; x:lang "b"@fr .
x:r5 x:text "\u00E9" ; x:number 9007199254740993 ; x:group "g2" ; x:date "2020-01-01"^^xsd:date .
x:r6 x:text "B" ; x:number 9007199254740992 ; x:group "g1" ; x:blank [] .
x:r7 x:text "" ; x:group "g2" ; x:both "1" .
x:r8 x:text x:iri ; x:group "g1" ; x:both 2 .
x:r9 x:text "ab" ; x:number 0 ; x:group "g2" .
`;

describe('query/order-rows', () => {
  const store = new oxigraph.Store();
  store.load(GRAPH, { format: 'text/turtle' });
  const answer = (text: string): JsonBinding[] =>
    (JSON.parse(store.query(text, { results_format: JSON_RESULTS }) as string) as ResultsJson).results!.bindings as JsonBinding[];
  /** What a row is ordered by: its key columns' terms. */
  const keysOf = (rows: readonly JsonBinding[], variables: readonly string[]): string[] =>
    rows.map((row) => variables.map((name) => JSON.stringify(row[name] ?? null)).join(' '));

  // [case, query, key variables]: the rows sorted here must come in Oxigraph's own ORDER BY order.
  const sorted: Array<[string, string, string[]]> = [
    ['strings in code point order, IRIs before literals', `${X}SELECT ?r ?t WHERE { ?r x:text ?t } ORDER BY ?t`, ['t']],
    ['descending', `${X}SELECT ?r ?t WHERE { ?r x:text ?t } ORDER BY DESC(?t)`, ['t']],
    ['integers by value, past 2^53 too', `${X}SELECT ?r ?n WHERE { ?r x:number ?n } ORDER BY ?n`, ['n']],
    ['unbound first', `${X}SELECT ?r ?n WHERE { ?r x:group ?g OPTIONAL { ?r x:number ?n } } ORDER BY ?n`, ['n']],
    ['two keys, one descending', `${X}SELECT ?g ?t WHERE { ?r x:group ?g ; x:text ?t } ORDER BY ?g DESC(?t)`, ['g', 't']],
    ['an IRI among strings', `${X}SELECT ?r ?m WHERE { ?r x:mixed ?m } ORDER BY ?m`, ['m']],
    ['SELECT *', `${X}SELECT * WHERE { ?r x:group ?g ; x:text ?t } ORDER BY ?t`, ['t']],
    ['a projected expression', `${X}SELECT ?r (STR(?t) AS ?label) WHERE { ?r x:text ?t FILTER(isLiteral(?t)) } ORDER BY ?label`, ['label']],
    ['a group key and a count', `${X}SELECT ?g (COUNT(?t) AS ?n) WHERE { ?r x:group ?g ; x:text ?t } GROUP BY ?g ORDER BY DESC(?n) ?g`, ['n', 'g']],
  ];
  for (const [name, text, variables] of sorted) {
    it(`sorts as the engine does: ${name}`, () => {
      const query = parseQuery(text);
      const keys = plainOrder(query)!;
      expect(keys.map((key) => key.variable)).to.deep.equal(variables);
      const ours = orderRows(answer(unorderedQuery(query, new Map(), 1000)), keys)!;
      expect(keysOf(ours, variables)).to.deep.equal(keysOf(answer(text), variables));
    });
  }

  // [case, query]: columns whose order SPARQL defines by rules this sort does not follow.
  const left: Array<[string, string]> = [
    ['language-tagged literals', `${X}SELECT ?l WHERE { ?r x:lang ?l } ORDER BY ?l`],
    ['other datatypes', `${X}SELECT ?d WHERE { ?r x:date ?d } ORDER BY ?d`],
    ['blank nodes', `${X}SELECT ?b WHERE { ?r x:blank ?b } ORDER BY ?b`],
    ['strings and integers in one column', `${X}SELECT ?b WHERE { ?r x:both ?b } ORDER BY ?b`],
  ];
  for (const [name, text] of left) {
    it(`leaves to the engine: ${name}`, () => {
      const query = parseQuery(text);
      expect(orderRows(answer(unorderedQuery(query, new Map(), 1000)), plainOrder(query)!)).to.equal(undefined);
    });
  }

  // [case, query]: ORDER BY conditions that are not plain projected variables.
  const notPlain: Array<[string, string]> = [
    ['an expression', `${X}SELECT ?t WHERE { ?r x:text ?t } ORDER BY STR(?t)`],
    ['a variable that is not projected', `${X}SELECT ?r WHERE { ?r x:text ?t } ORDER BY ?t`],
    ['no ORDER BY', `${X}SELECT ?t WHERE { ?r x:text ?t }`],
    ['ASK', `${X}ASK { ?r x:text ?t }`],
  ];
  for (const [name, text] of notPlain) {
    it(`is not a plain order: ${name}`, () => expect(plainOrder(parseQuery(text))).to.equal(undefined));
  }

  // [a, b, sign]: by hand, from the code points.
  const strings: Array<[string, string, number]> = [
    ['a', 'b', -1], ['b', 'a', 1], ['a', 'a', 0], ['a', 'ab', -1], ['', 'a', -1],
    ['\uFF5E', '\u{1F600}', -1], ['\u{1F600}', '\uFF5E', 1], ['\uE000', '\u{10000}', -1], ['\u{1F600}', '\u{1F601}', -1], ['\uD7FF', '\u{10000}', -1],
  ];
  for (const [a, b, sign] of strings) {
    it(`compares ${JSON.stringify(a)} and ${JSON.stringify(b)} by code point`, () => expect(Math.sign(compareCodePoints(a, b))).to.equal(sign));
  }

  describe('through the local engine', () => {
    let engine: LocalEngine;
    before(async () => {
      engine = await turtleEngine(GRAPH);
    });
    after(() => engine.close());

    // [case, query, page]: the engine's answer (or page) is the slice of Oxigraph's own ordered answer.
    const windows: Array<[string, string, { offset: number; size: number } | undefined]> = [
      ['the whole answer', `${X}SELECT ?r ?t WHERE { ?r x:text ?t } ORDER BY ?t`, undefined],
      ['its own OFFSET and LIMIT', `${X}SELECT ?r ?t WHERE { ?r x:text ?t } ORDER BY ?t OFFSET 2 LIMIT 4`, undefined],
      ['a page within them', `${X}SELECT ?r ?t WHERE { ?r x:text ?t } ORDER BY ?t OFFSET 2 LIMIT 5`, { offset: 2, size: 2 }],
      ['a page past them', `${X}SELECT ?r ?t WHERE { ?r x:text ?t } ORDER BY ?t LIMIT 3`, { offset: 2, size: 2 }],
      ['a column left to the engine', `${X}SELECT ?r ?l WHERE { ?r x:lang ?l } ORDER BY DESC(?l)`, { offset: 1, size: 1 }],
    ];
    for (const [name, text, page] of windows) {
      it(`answers ${name} as Oxigraph's ORDER BY does`, async () => {
        const { result } = await runQuery(text, { kind: 'local', engine }, { page });
        // The keys are unique in this graph, so the engine's own order is the only one.
        const own = JSON.parse(store.query(text, { results_format: JSON_RESULTS }) as string) as ResultsJson;
        const rows = own.results!.bindings;
        const expected = fromResultsJson({ ...own, results: { bindings: page === undefined ? rows : rows.slice(page.offset, page.offset + page.size) } });
        expect(rowLines(result)).to.deep.equal(rowLines(expected));
        expect(rowLines(result)).to.not.be.empty;
      });
    }
  });
});
