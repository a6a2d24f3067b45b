import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser, Store, DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { EMITTED_VOCABULARIES } from '../../src/rdf/vocab.js';
import { NS } from '../../src/rdf/namespaces.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { fixtureModel, FIXTURE_BASE, sampleBuild } from '../write/fixture.js';
import { mapReport } from '../../src/rdf/map.js';

const { namedNode } = DataFactory;
const RDF_TYPE = namedNode(`${NS.rdf}type`);
const IS_DEFINED_BY = namedNode(`${NS.rdfs}isDefinedBy`);

/** Everything ontology/*.ttl states. */
async function ontologyStore(): Promise<Store> {
  const dir = join(PROJECT_ROOT, 'ontology');
  const store = new Store();
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.ttl')).sort()) {
    store.addQuads(new Parser().parse(await readFile(join(dir, name), 'utf8')));
  }
  return store;
}

/**
 * A pg: term is declared when it is the subject of an rdf:type; any other term when it has an
 * rdfs:isDefinedBy whose vocabulary IRI its own IRI starts with.
 */
function isDeclared(store: Store, iri: string): boolean {
  const term = namedNode(iri);
  if (iri.startsWith(NS.pg)) return store.countQuads(term, RDF_TYPE, null, null) > 0;
  return store.getObjects(term, IS_DEFINED_BY, null).some((vocabulary) => iri.startsWith(vocabulary.value));
}

/** The predicates, classes and datatypes a graph uses. */
function termsUsed(quads: readonly Quad[]): Set<string> {
  const used = new Set<string>();
  for (const { predicate, object } of quads) {
    used.add(predicate.value);
    if (predicate.equals(RDF_TYPE)) used.add(object.value);
    if (object.termType === 'Literal' && object.language === '') used.add(object.datatype.value);
  }
  return used;
}

const CONSTANTS = new Set(Object.values(EMITTED_VOCABULARIES).flatMap((vocabulary) => Object.values(vocabulary).map((term) => term.value)));

describe('rdf/vocab', () => {
  let store: Store;
  before(async () => {
    store = await ontologyStore();
  });

  for (const [name, vocabulary] of Object.entries(EMITTED_VOCABULARIES)) {
    it(`declares every ${name} constant in ontology/*.ttl`, () => {
      const missing = Object.values(vocabulary).map((term) => term.value).filter((iri) => !isDeclared(store, iri));
      expect(missing).to.deep.equal([]);
    });
  }

  it('tells a declared term from a misspelt or unlisted one', () => {
    expect(isDeclared(store, `${NS.pg}Session`)).to.equal(true);
    expect(isDeclared(store, `${NS.pg}Sesion`)).to.equal(false);
    expect(isDeclared(store, `${NS.schema}name`)).to.equal(true);
    expect(isDeclared(store, `${NS.schema}nmae`)).to.equal(false);
  });

  it('has a constant for every predicate, class and datatype map.ts emits', () => {
    const emitted = termsUsed(mapReport(fixtureModel, { factory: DataFactory, base: FIXTURE_BASE }));
    expect([...emitted].filter((iri) => !CONSTANTS.has(iri))).to.deep.equal([]);
  });

  it('declares every predicate, class and datatype of the built sample graph (theme scheme included)', async () => {
    const used = termsUsed((await sampleBuild()).quads);
    expect([...used].filter((iri) => !isDeclared(store, iri)).sort()).to.deep.equal([]);
  });

  it('labels and comments every pg: class and property in English', () => {
    const kinds = ['Class', 'ObjectProperty', 'DatatypeProperty'].map((kind) => namedNode(`${NS.owl}${kind}`));
    const terms = kinds.flatMap((kind) => store.getSubjects(RDF_TYPE, kind, null)).filter((term) => term.value.startsWith(NS.pg));
    const english = (term: Quad['subject'], property: string) =>
      store.getObjects(term, namedNode(`${NS.rdfs}${property}`), null).some((value) => value.termType === 'Literal' && value.language === 'en');
    expect(terms).to.not.be.empty;
    expect(terms.filter((term) => !english(term, 'label') || !english(term, 'comment')).map((term) => term.value)).to.deep.equal([]);
  });
});
