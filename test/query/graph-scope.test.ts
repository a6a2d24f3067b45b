import { expect } from 'chai';
import { covers, graphScope, overlaps, readsEvidence, union, EVERYTHING, RDF_TYPE, type GraphScope } from '../../src/query/graph-scope.js';

const S = 'PREFIX s: <http://schema.org/> ';
const NAME = '<http://schema.org/name>';
const PERSON = '<http://schema.org/Person>';

describe('query/graph-scope', () => {
  // [case, query, everything, predicates, classes, named]: read off each query by hand.
  const cases: Array<[string, string, boolean, string[], string[], boolean]> = [
    ['a class and a predicate', `${S}SELECT * WHERE { ?p a s:Person ; s:name ?n }`, false, [NAME], [PERSON], false],
    ['a variable class reads every type', `${S}SELECT * WHERE { ?p a ?type ; s:name ?n }`, false, [NAME, RDF_TYPE], [], false],
    ['a variable predicate reads everything', 'SELECT * WHERE { ?s ?p ?o }', true, [], [], false],
    ['a negated property set reads everything', `${S}ASK { ?s !s:name ?o }`, true, [], [], false],
    ['paths, FILTER EXISTS and subqueries', `${S}SELECT * WHERE { ?s s:author/^s:about ?r FILTER EXISTS { ?r s:superEvent ?e } { SELECT ?r WHERE { ?r s:position ?x } } }`,
      false, ['<http://schema.org/author>', '<http://schema.org/about>', '<http://schema.org/superEvent>', '<http://schema.org/position>'], [], false],
    ['GRAPH reaches the named graphs', `${S}SELECT * WHERE { GRAPH ?g { ?p s:name ?n } }`, false, [NAME], [], true],
    ['FROM NAMED too', `${S}SELECT * FROM NAMED <http://g> WHERE { ?p s:name ?n }`, false, [NAME], [], true],
    ['the CONSTRUCT template reads nothing', `${S}CONSTRUCT { ?p s:knows ?n } WHERE { ?p s:name ?n }`, false, [NAME], [], false],
    ['DESCRIBE reads everything', `${S}DESCRIBE ?p WHERE { ?p s:name "A" }`, true, [], [], true],
  ];
  for (const [name, query, everything, predicates, classes, named] of cases) {
    it(name, () => {
      const scope = graphScope(query);
      expect({ everything: scope.everything, predicates: [...scope.predicates].sort(), classes: [...scope.classes].sort(), named: scope.named })
        .to.deep.equal({ everything, predicates: everything ? [] : predicates.sort(), classes, named });
    });
  }

  it('knows what a loaded part covers', () => {
    const people = graphScope(`${S}ASK { ?p a s:Person ; s:name ?n }`);
    const types = graphScope(`${S}ASK { ?p a ?t }`);
    expect(covers(people, graphScope(`${S}ASK { ?p s:name ?n }`))).to.equal(true);
    expect(covers(people, types)).to.equal(false);
    expect(covers(union(people, types), graphScope(`${S}ASK { ?p a s:Event }`))).to.equal(true);
    expect(covers(people, EVERYTHING)).to.equal(false);
    expect(covers(EVERYTHING, people)).to.equal(true);
  });

  // What an evidence file holds: its predicates, and the classes of its rdf:type triples.
  const held: GraphScope = {
    everything: false, named: false,
    predicates: new Set(['<http://www.w3.org/ns/oa#hasTarget>', '<https://w3id.org/peacegraph/ontology#evidence>']),
    classes: new Set(['<http://www.w3.org/ns/oa#Annotation>']),
  };
  // [query, can match a triple of the file]: by hand.
  const overlapping: Array<[string, boolean]> = [
    [`${S}SELECT * WHERE { ?p a s:Person ; s:name ?n }`, false],
    ['SELECT * WHERE { ?a <http://www.w3.org/ns/oa#hasTarget> ?t }', true],
    ['SELECT * WHERE { ?a a <http://www.w3.org/ns/oa#Annotation> }', true],
    [`${S}SELECT * WHERE { ?p a ?type ; s:name ?n }`, true],
    ['SELECT * WHERE { ?s ?p ?o }', true],
    [`${S}SELECT * WHERE { ?p s:name ?n FILTER EXISTS { ?m <https://w3id.org/peacegraph/ontology#evidence> ?e } }`, true],
  ];
  for (const [query, expected] of overlapping) {
    it(`${expected ? 'overlaps' : 'does not overlap'} the file: ${query.replace(S, '')}`, () => {
      expect(overlaps(held, graphScope(query))).to.equal(expected);
    });
  }

  it('overlaps anything when the file holds a line it could not tell', () => {
    expect(overlaps({ ...EVERYTHING, named: false }, graphScope(`${S}ASK { ?p a s:Person }`))).to.equal(true);
  });

  // [query, reads evidence]: by hand, from the terms only evidence.nt holds.
  const evidence: Array<[string, boolean]> = [
    [`${S}SELECT * WHERE { ?p a s:Person ; s:name ?n }`, false],
    ['SELECT * WHERE { ?s ?p ?o }', false],
    ['PREFIX pg: <https://w3id.org/peacegraph/ontology#> SELECT * WHERE { ?m pg:evidence ?e }', true],
    ['PREFIX pg: <https://w3id.org/peacegraph/ontology#> SELECT * WHERE { ?e a pg:Evidence }', true],
    ['PREFIX oa: <http://www.w3.org/ns/oa#> SELECT * WHERE { ?t oa:hasSource ?r }', true],
    ['PREFIX oa: <http://www.w3.org/ns/oa#> SELECT * WHERE { ?q a oa:TextQuoteSelector }', true],
    [`PREFIX oa: <http://www.w3.org/ns/oa#> ${S}SELECT * WHERE { ?p s:name ?n OPTIONAL { ?e oa:hasBody ?p } }`, true],
  ];
  for (const [query, reads] of evidence) {
    it(`${reads ? 'reads' : 'does not read'} evidence: ${query.replace(/PREFIX \S+ <[^>]+> /g, '')}`, () => {
      expect(readsEvidence(graphScope(query))).to.equal(reads);
    });
  }
});
