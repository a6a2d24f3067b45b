import { expect } from 'chai';
import oxigraph from 'oxigraph';
import sparqljs from 'sparqljs';
import { requiredTerms, type RequiredTerms } from '../../src/query/required-terms.js';
import type { LocalEngine } from '../../src/query/local.js';
import { turtleEngine } from './turtle-engine.js';
import { runQuery } from '../../src/query/run.js';
import { fromResultsJson, type ResultsJson } from '../../src/query/results-json.js';

const EX = 'http://example.org/';
const P = `PREFIX ex: <${EX}> `;
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const ex = (local: string): string => `${EX}${local}`;
const terms = (predicates: string[], classes: string[] = []): RequiredTerms => ({ predicates: predicates.map(ex), classes: classes.map(ex) });
const NOTHING = terms([]);

const parse = (query: string): sparqljs.SparqlQuery => new sparqljs.Parser().parse(query);

describe('query/required-terms', () => {
  // [case, query, the terms every solution needs]: read off each query by hand.
  const cases: Array<[string, string, RequiredTerms | undefined]> = [
    ['a plain BGP', `${P}SELECT * WHERE { ?o ex:member ?p . ?p ex:name ?n }`, terms(['member', 'name'])],
    ['a constant class goes under classes', `${P}SELECT * WHERE { ?p a ex:Person ; ex:name ?n }`, terms(['name'], ['Person'])],
    ['a variable class needs some rdf:type triple', `${P}SELECT * WHERE { ?p a ?c }`, { predicates: [RDF_TYPE], classes: [] }],
    ['a literal object of rdf:type needs some rdf:type triple', `${P}ASK { ?p a "Person" }`, { predicates: [RDF_TYPE], classes: [] }],
    ['a variable predicate needs nothing', 'SELECT * WHERE { ?s ?p ?o }', NOTHING],
    ['no pattern needs nothing', 'ASK {}', NOTHING],
    ['duplicates once, in first-seen order', `${P}SELECT * WHERE { ?p ex:name ?n ; a ex:Person . { ?q ex:age ?a ; ex:name ?m ; a ex:Person } }`, terms(['name', 'age'], ['Person'])],
    ['OPTIONAL is skipped', `${P}SELECT * WHERE { ?p ex:name ?n OPTIONAL { ?p ex:age ?a } }`, terms(['name'])],
    ['UNION branches are skipped', `${P}SELECT * WHERE { { ?p ex:name ?n } UNION { ?p ex:label ?n } }`, NOTHING],
    ['MINUS is skipped', `${P}SELECT * WHERE { ?p ex:name ?n MINUS { ?p ex:label ?l } }`, terms(['name'])],
    ['FILTER EXISTS is skipped', `${P}SELECT * WHERE { ?p ex:name ?n FILTER EXISTS { ?p ex:age ?a } }`, terms(['name'])],
    ['FILTER NOT EXISTS is skipped', `${P}SELECT * WHERE { ?p ex:name ?n FILTER NOT EXISTS { ?p ex:age ?a } }`, terms(['name'])],
    ['GRAPH is skipped', `${P}SELECT * WHERE { ?p ex:age ?a GRAPH ?g { ?p ex:name ?n } }`, terms(['age'])],
    ['SERVICE is skipped', `${P}SELECT * WHERE { ?p ex:age ?a SERVICE <http://remote.example/sparql> { ?p ex:name ?n } }`, terms(['age'])],
    ['a subquery is skipped', `${P}SELECT * WHERE { { SELECT ?p WHERE { ?p ex:name ?n } } ?p ex:age ?a }`, terms(['age'])],
    ['BIND is skipped', `${P}SELECT * WHERE { BIND(ex:alice AS ?p) ?p ex:name ?n }`, terms(['name'])],
    ['an inline VALUES is skipped', `${P}SELECT * WHERE { VALUES ?p { ex:alice } ?p ex:name ?n }`, terms(['name'])],
    ['a VALUES after the WHERE keeps the terms', `${P}SELECT * WHERE { ?p ex:name ?n } VALUES ?p { ex:alice }`, terms(['name'])],
    ['nested plain groups count', `${P}SELECT * WHERE { { { ?p ex:name ?n } ?p a ex:Person } }`, terms(['name'], ['Person'])],
    ['in a nested group, OPTIONAL is still skipped', `${P}SELECT * WHERE { { ?p ex:name ?n OPTIONAL { ?p ex:age ?a } } }`, terms(['name'])],
    ['a sequence path needs each step', `${P}SELECT * WHERE { ?o ex:member/ex:name ?n }`, terms(['member', 'name'])],
    ['an inverse path needs its predicate', `${P}SELECT * WHERE { ?p ^ex:member ?o }`, terms(['member'])],
    ['an inverse sequence needs each step', `${P}SELECT * WHERE { ?n ^(ex:member/ex:name) ?o }`, terms(['member', 'name'])],
    ['one or more needs its predicate', `${P}SELECT * WHERE { ?p ex:knows+ ?q }`, terms(['knows'])],
    ['zero or more needs nothing', `${P}SELECT * WHERE { ?p ex:knows* ?q }`, NOTHING],
    ['zero or one needs nothing', `${P}SELECT * WHERE { ?p ex:knows? ?q }`, NOTHING],
    ['an alternative needs nothing', `${P}SELECT * WHERE { ?p ex:name|ex:label ?n }`, NOTHING],
    ['a negated property set needs nothing', `${P}SELECT * WHERE { ?p !ex:name ?n }`, NOTHING],
    ['a sequence needs only its required steps', `${P}SELECT * WHERE { ?o ex:member/(ex:name|ex:label)/ex:knows* ?n }`, terms(['member'])],
    ['rdf:type inside a path is a predicate', `${P}SELECT * WHERE { ?p a/ex:name ?n }`, { predicates: [RDF_TYPE, ex('name')], classes: [] }],
    ['COUNT without GROUP BY gives a row anyway', `${P}SELECT (COUNT(*) AS ?n) WHERE { ?p ex:name ?x }`, undefined],
    ['an aggregate inside an expression too', `${P}SELECT ((COUNT(*) + 1) AS ?n) WHERE { ?p ex:name ?x }`, undefined],
    ['an aggregate in ORDER BY too', `${P}SELECT (1 AS ?one) WHERE { ?p ex:name ?x } ORDER BY (COUNT(*))`, undefined],
    ['HAVING without GROUP BY too', `${P}SELECT ?p WHERE { ?p ex:name ?x } HAVING (true)`, undefined],
    ['COUNT with GROUP BY has no group over nothing', `${P}SELECT ?p (COUNT(*) AS ?n) WHERE { ?p ex:name ?x } GROUP BY ?p HAVING (COUNT(*) > 0)`, terms(['name'])],
    ['an aggregate in a subquery is the subquery\'s', `${P}SELECT * WHERE { ?p ex:age ?a { SELECT (COUNT(*) AS ?n) WHERE { ?q ex:name ?x } } }`, terms(['age'])],
    ['DESCRIBE describes its IRIs anyway', `${P}DESCRIBE ex:alice WHERE { ?p ex:name ?n }`, undefined],
    ['FROM reads another default graph', `${P}SELECT * FROM ex:g WHERE { ?p ex:name ?n }`, undefined],
    ['FROM NAMED too', `${P}SELECT * FROM NAMED ex:g WHERE { ?p ex:name ?n }`, undefined],
    ['an update is not a query', `${P}INSERT DATA { ex:alice ex:name "Alice" }`, undefined],
    ['ASK', `${P}ASK { ?p a ex:Person ; ex:knows ?q }`, terms(['knows'], ['Person'])],
    ['the CONSTRUCT template needs nothing', `${P}CONSTRUCT { ?p ex:colleague ?q ; a ex:Colleague } WHERE { ?o ex:member ?p, ?q }`, terms(['member'])],
    ['CONSTRUCT WHERE', `${P}CONSTRUCT WHERE { ?p ex:name ?n }`, terms(['name'])],
  ];
  for (const [name, query, expected] of cases) {
    it(name, () => {
      expect(requiredTerms(parse(query))).to.deep.equal(expected);
    });
  }

  describe('against Oxigraph', () => {
    // Alice and Bob, both people in one organisation; one name only in a named graph, which a
    // default-graph query does not see.
    const GRAPH = `@prefix ex: <${EX}> .
      ex:alice a ex:Person ; ex:name "Alice" ; ex:age 30 ; ex:knows ex:bob .
      ex:bob a ex:Person ; ex:name "Bob" ; ex:label "B" .
      ex:org ex:member ex:alice, ex:bob .
      ex:g { ex:carol ex:name "Carol" }`;
    const store = (): oxigraph.Store => {
      const loaded = new oxigraph.Store();
      loaded.load(GRAPH, { format: 'application/trig' });
      return loaded;
    };
    // The store without the default graph's triples of a predicate, or of the rdf:type triples of a class.
    const without = (kind: 'predicate' | 'class', iri: string): oxigraph.Store => {
      const held = store();
      const [predicate, object] = kind === 'predicate' ? [oxigraph.namedNode(iri), null] : [oxigraph.namedNode(RDF_TYPE), oxigraph.namedNode(iri)];
      for (const quad of held.match(null, predicate, object, oxigraph.defaultGraph())) held.delete(quad);
      return held;
    };
    // Rows, true or triples.
    const answerSize = (held: oxigraph.Store, query: string): number => {
      const answer = held.query(query);
      if (typeof answer === 'boolean') return answer ? 1 : 0;
      if (Array.isArray(answer)) return answer.length;
      throw new Error(`unexpected answer ${String(answer)}`);
    };

    // Queries with an answer on the whole graph: without any one of their required terms, none.
    const required = [
      `${P}SELECT ?p ?n WHERE { ?p a ex:Person ; ex:name ?n }`,
      `${P}ASK { ?o ex:member/ex:knows ?x }`,
      `${P}CONSTRUCT { ?x ex:colleague ?y } WHERE { ?x ^ex:member ?o . ?o ex:member ?y FILTER (?x != ?y) }`,
      `${P}SELECT ?p WHERE { ?p ex:knows+ ?q OPTIONAL { ?p ex:age ?a } }`,
      `${P}SELECT ?p (COUNT(*) AS ?n) WHERE { ?o ex:member ?p } GROUP BY ?p`,
      `${P}SELECT * WHERE { { ?p ex:name ?n } ?p ex:age ?a MINUS { ?p ex:label ?l } }`,
      `${P}SELECT * WHERE { ?p a ?c }`,
      `${P}SELECT * WHERE { ?o ex:member ?p } VALUES ?p { ex:alice }`,
    ];
    for (const query of required) {
      it(`answers nothing without a required term: ${query.replace(P, '')}`, () => {
        const found = requiredTerms(parse(query));
        expect(found).to.not.equal(undefined);
        const removals = [
          ...found!.predicates.map((iri) => ['predicate', iri] as const),
          ...found!.classes.map((iri) => ['class', iri] as const),
        ];
        expect(removals).to.not.be.empty;
        expect(answerSize(store(), query)).to.be.greaterThan(0);
        for (const [kind, iri] of removals) expect(answerSize(without(kind, iri), query), `${kind} ${iri}`).to.equal(0);
      });
    }

    // [query, a predicate it names but does not require]: without it, Oxigraph still answers.
    const notRequired: Array<[string, string]> = [
      [`${P}SELECT * WHERE { ?p ex:name ?n OPTIONAL { ?p ex:age ?a } }`, 'age'],
      [`${P}SELECT * WHERE { ex:alice ex:knows* ?x }`, 'knows'],
      [`${P}ASK { ex:bob ex:knows? ex:bob }`, 'knows'],
      [`${P}SELECT * WHERE { { ?p ex:name ?n } UNION { ?p ex:label ?n } }`, 'name'],
      [`${P}SELECT * WHERE { ?p ex:name|ex:label ?n }`, 'label'],
      [`${P}SELECT * WHERE { ?p ex:name ?n MINUS { ?p ex:label ?l } }`, 'label'],
      [`${P}SELECT ?p WHERE { ?p a ex:Person FILTER NOT EXISTS { ?p ex:age ?a } }`, 'age'],
      [`${P}ASK { GRAPH ?g { ?p ex:name ?n } }`, 'name'],
      [`${P}SELECT (COUNT(*) AS ?n) WHERE { ?p ex:age ?a }`, 'age'],
    ];
    for (const [query, local] of notRequired) {
      it(`still answers without ex:${local}: ${query.replace(P, '')}`, () => {
        expect(requiredTerms(parse(query))?.predicates ?? []).to.not.include(ex(local));
        expect(answerSize(without('predicate', ex(local)), query)).to.be.greaterThan(0);
      });
    }
  });
  describe('through the local engine', () => {
    // Alice with a name and no age; the queries need ex:age or ex:Robot, which no triple has.
    const GRAPH = `@prefix ex: <${EX}> . ex:alice a ex:Person ; ex:name "Alice" .`;
    let engine: LocalEngine;
    before(async () => {
      engine = await turtleEngine(GRAPH);
    });
    after(() => engine.close());
    const store = new oxigraph.Store();
    store.load(GRAPH, { format: 'text/turtle' });

    // Each answers nothing; the engine's answer must be Oxigraph's own, columns and all.
    const queries = [
      `${P}SELECT ?n ?p WHERE { ?p ex:name ?n ; ex:age ?a }`,
      `${P}SELECT * WHERE { ?p ex:name ?n ; ex:age ?a }`,
      `${P}SELECT ?p ?n WHERE { ?p a ex:Robot ; ex:name ?n } ORDER BY ?n`,
      `${P}SELECT ?p (COUNT(?a) AS ?ages) WHERE { ?p ex:age ?a } GROUP BY ?p`,
      `${P}ASK { ?p ex:age ?a }`,
      `${P}CONSTRUCT { ?p ex:years ?a } WHERE { ?p ex:age ?a }`,
    ];
    for (const query of queries) {
      it(`answers as Oxigraph does: ${query.replace(P, '')}`, async () => {
        const { result } = await runQuery(query, { kind: 'local', engine });
        const own = store.query(query, { results_format: query.includes('CONSTRUCT') ? 'application/n-triples' : 'application/sparql-results+json' }) as string;
        if (result.kind === 'quads') expect([result.quads.length, own]).to.deep.equal([0, '']);
        else expect(result).to.deep.equal(fromResultsJson(JSON.parse(own) as ResultsJson));
      });
    }
  });
});
