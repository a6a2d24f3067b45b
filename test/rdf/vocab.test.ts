import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import jsonld from 'jsonld';
import type { JsonLdDocument } from 'jsonld';
import ts from 'typescript';
import { Parser, Store, DataFactory } from 'n3';
import type { NamedNode, Quad } from '@rdfjs/types';
import * as vocab from '../../src/rdf/vocab.js';
import { NS } from '../../src/rdf/namespaces.js';
import { BUNDLED, PROJECT_ROOT } from '../../src/paths.js';
import { fixtureModel, FIXTURE_BASE, sampleBuild } from '../write/fixture.js';
import { mapReport } from '../../src/rdf/map.js';
import { offlineDocumentLoader } from '../../src/rdf-io/jsonld.js';

const { namedNode } = DataFactory;
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const IS_DEFINED_BY = namedNode('http://www.w3.org/2000/01/rdf-schema#isDefinedBy');
const RANGE = namedNode('http://www.w3.org/2000/01/rdf-schema#range');
const OWL = 'http://www.w3.org/2002/07/owl#';
const PG_NAMESPACE = 'https://w3id.org/peacegraph/ontology#';

/** Everything ontology/*.ttl states, and the prefixes the files declare, read here without the generator. */
async function readOntology(): Promise<{ store: Store; prefixes: Map<string, string> }> {
  const store = new Store();
  const prefixes = new Map<string, string>();
  for (const name of (await readdir(join(PROJECT_ROOT, 'ontology'))).filter((file) => file.endsWith('.ttl')).sort()) {
    const text = await readFile(join(PROJECT_ROOT, 'ontology', name), 'utf8');
    store.addQuads(new Parser().parse(text, null, (prefix, iri) => prefixes.set(prefix, iri.value)));
  }
  return { store, prefixes };
}

/**
 * A pg: term is declared when it is the subject of an rdf:type; any other term when it has an
 * rdfs:isDefinedBy whose vocabulary IRI its own IRI starts with.
 */
function isDeclared(store: Store, iri: string): boolean {
  const term = namedNode(iri);
  if (iri.startsWith(PG_NAMESPACE)) return store.countQuads(term, RDF_TYPE, null, null) > 0;
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

const VOCABULARIES: ReadonlyArray<[string, Readonly<Record<string, NamedNode>>]> = [
  ['pg', vocab.PG], ['schema', vocab.SCHEMA], ['org', vocab.ORG], ['oa', vocab.OA], ['prov', vocab.PROV], ['skos', vocab.SKOS],
  ['dct', vocab.DCT], ['foaf', vocab.FOAF], ['owl', vocab.OWL], ['rdfs', vocab.RDFS], ['rdf', vocab.RDF], ['xsd', vocab.XSD],
];
const CONSTANTS = new Set(VOCABULARIES.flatMap(([, terms]) => Object.values(terms).map((term) => term.value)));

describe('rdf/vocab', () => {
  let store: Store;
  let prefixes: Map<string, string>;
  before(async () => {
    ({ store, prefixes } = await readOntology());
  });

  it('has exactly the namespaces the ontology files declare', () => {
    expect(NS).to.deep.equal(Object.fromEntries(prefixes));
  });

  for (const [prefix, terms] of VOCABULARIES) {
    it(`has a ${prefix} constant for every ${prefix} term the ontology declares, and no other`, () => {
      const namespace = prefixes.get(prefix)!;
      const declared = store.getSubjects(null, null, null).map((term) => term.value).filter((iri) => iri.startsWith(namespace) && isDeclared(store, iri));
      expect(Object.values(terms).map((term) => term.value).sort()).to.deep.equal([...new Set(declared)].sort());
      for (const [name, term] of Object.entries(terms)) expect(term.value).to.equal(namespace + name);
    });
  }

  it('covers every namespace with declared terms', () => {
    const declared = store.getSubjects(null, null, null).map((term) => term.value).filter((iri) => isDeclared(store, iri));
    expect(declared.filter((iri) => !CONSTANTS.has(iri))).to.deep.equal([]);
  });

  it('tells a declared term from a misspelt or unlisted one', () => {
    expect(isDeclared(store, `${NS.pg}Session`)).to.equal(true);
    expect(isDeclared(store, `${NS.pg}Sesion`)).to.equal(false);
    expect(isDeclared(store, `${NS.schema}name`)).to.equal(true);
    expect(isDeclared(store, `${NS.schema}nmae`)).to.equal(false);
    expect(vocab.PG.Session.value).to.equal('https://w3id.org/peacegraph/ontology#Session');
    expect(vocab.SCHEMA.startDate.value).to.equal('http://schema.org/startDate');
  });

  it('has a constant for every predicate, class and datatype map.ts emits', () => {
    const emitted = termsUsed(mapReport(fixtureModel, { factory: DataFactory, base: FIXTURE_BASE }));
    expect([...emitted].filter((iri) => !CONSTANTS.has(iri))).to.deep.equal([]);
  });

  it('declares every predicate, class and datatype of the built sample graph (theme scheme included)', async () => {
    const used = termsUsed((await sampleBuild()).quads);
    expect([...used].filter((iri) => !isDeclared(store, iri)).sort()).to.deep.equal([]);
  });

  it('declares every class, property and datatype the SHACL shapes constrain', async () => {
    const shapes = new Parser().parse(await readFile(BUNDLED.shapes, 'utf8'));
    const constrained = ['targetClass', 'path', 'class', 'datatype', 'lessThanOrEquals', 'lessThan', 'equals', 'disjoint'].map((name) => `${NS.sh}${name}`);
    const terms = shapes.filter((quad) => constrained.includes(quad.predicate.value) && quad.object.termType === 'NamedNode').map((quad) => quad.object.value);
    expect(terms).to.include(`${NS.schema}startDate`);
    expect([...new Set(terms)].filter((iri) => !isDeclared(store, iri)).sort()).to.deep.equal([]);
  });

  it('labels and comments every pg: class and property in English', () => {
    const kinds = ['Class', 'ObjectProperty', 'DatatypeProperty'].map((kind) => namedNode(`${OWL}${kind}`));
    const terms = kinds.flatMap((kind) => store.getSubjects(RDF_TYPE, kind, null)).filter((term) => term.value.startsWith(NS.pg));
    const english = (term: Quad['subject'], property: string) =>
      store.getObjects(term, namedNode(`${NS.rdfs}${property}`), null).some((value) => value.termType === 'Literal' && value.language === 'en');
    expect(terms).to.not.be.empty;
    expect(terms.filter((term) => !english(term, 'label') || !english(term, 'comment')).map((term) => term.value)).to.deep.equal([]);
  });

  it('gives every property with a declared kind the JSON-LD meaning the ontology states (read by jsonld.js)', async () => {
    const context = (JSON.parse(await readFile(BUNDLED.context, 'utf8')) as { '@context': Record<string, unknown> })['@context'];
    const kindOf = (iri: string) => ['ObjectProperty', 'DatatypeProperty', 'AnnotationProperty'].find((kind) => store.countQuads(namedNode(iri), RDF_TYPE, namedNode(`${OWL}${kind}`), null) > 0);
    // One node with a value for every short name: an IRI for object properties, a language map for
    // rdf:langString, else a plain string, which the context types with the property's range.
    const node: Record<string, unknown> = { '@context': context, '@id': 'urn:node' };
    const expected: string[] = [];
    const shortNames = new Map<string, string>();
    for (const [name, definition] of Object.entries(context)) {
      if (name.startsWith('@') || (typeof definition === 'string' && (definition.startsWith('@') || /[/#]$/.test(definition)))) continue;
      const compact = typeof definition === 'string' ? definition : (definition as { '@id': string })['@id'];
      const colon = compact.indexOf(':');
      shortNames.set(name, prefixes.get(compact.slice(0, colon))! + compact.slice(colon + 1));
    }
    for (const [name, iri] of shortNames) {
      const kind = kindOf(iri);
      expect(kind, `${name} -> ${iri} has a declared kind`).to.not.equal(undefined);
      const ranges = store.getObjects(namedNode(iri), RANGE, null).map((range) => range.value);
      if (kind === 'ObjectProperty') {
        node[name] = 'urn:value';
        expected.push(`<urn:node> <${iri}> <urn:value> .`);
      } else if (ranges.includes(`${NS.rdf}langString`)) {
        node[name] = { en: 'text' };
        expected.push(`<urn:node> <${iri}> "text"@en .`);
      } else {
        node[name] = '1';
        const datatype = ranges.length === 1 ? ranges[0]! : `${NS.xsd}string`;
        expected.push(datatype === `${NS.xsd}string` ? `<urn:node> <${iri}> "1" .` : `<urn:node> <${iri}> "1"^^<${datatype}> .`);
      }
    }
    const nquads = await jsonld.toRDF(node as JsonLdDocument, { format: 'application/n-quads', documentLoader: async (url: string) => offlineDocumentLoader(url) });
    expect(String(nquads).trim().split('\n').sort()).to.deep.equal(expected.sort());
    // Every property with a kind has its short name, or loses it to a schema.org property (the public contract).
    const named = new Set(shortNames.values());
    const withKind = [...CONSTANTS].filter((iri) => kindOf(iri) !== undefined);
    const unnamed = withKind.filter((iri) => !named.has(iri));
    expect(unnamed.filter((iri) => !shortNames.get(iri.slice(iri.search(/[^/#]*$/)))?.startsWith(NS.schema))).to.deep.equal([]);
    expect(shortNames.get('jobTitle')).to.equal(`${NS.schema}jobTitle`);
    expect(shortNames.get('position')).to.equal(`${NS.pg}position`);
  });

  describe('adding a term to the ontology', () => {
    // Under the project, so the copy resolves the project's node_modules.
    let copy: string;
    before(async () => {
      await mkdir(join(PROJECT_ROOT, 'test-artifacts'), { recursive: true });
      copy = await mkdtemp(join(PROJECT_ROOT, 'test-artifacts', 'vocab-'));
      const files = [
        ...(await readdir(join(PROJECT_ROOT, 'ontology'))).filter((name) => name.endsWith('.ttl')).map((name) => join('ontology', name)),
        join('src', 'ontology', 'generate-vocab.ts'), join('src', 'ontology', 'vocab-generator.ts'), join('src', 'rdf', 'vocab.ts'), join('src', 'rdf', 'namespaces.ts'), join('src', 'rdf', 'factory.ts'),
      ];
      for (const file of files) {
        await mkdir(join(copy, file, '..'), { recursive: true });
        await copyFile(join(PROJECT_ROOT, file), join(copy, file));
      }
      const ontology = join(copy, 'ontology', 'peacegraph.ttl');
      await writeFile(ontology, `${await readFile(ontology, 'utf8')}
pg:capacity a owl:DatatypeProperty ;
  rdfs:label "capacity"@en ; rdfs:comment "How many people a place holds."@en ;
  rdfs:domain pg:Place ; rdfs:range xsd:integer .
`);
      await promisify(execFile)(process.execPath, ['--import', 'tsx', join(copy, 'src', 'ontology', 'generate-vocab.ts')]);
    });
    after(async () => {
      await rm(copy, { recursive: true, force: true });
    });

    it('makes it a constant of the code', async () => {
      const copied = (await import(pathToFileURL(join(copy, 'src', 'rdf', 'vocab.ts')).href)) as { PG: Record<string, NamedNode> };
      expect(copied.PG['capacity']?.value).to.equal(`${PG_NAMESPACE}capacity`);
      expect(Object.keys(vocab.PG)).to.not.include('capacity');
    });

    it('makes it a term of the JSON-LD context', async () => {
      const context = JSON.parse(await readFile(join(copy, 'ontology', 'context.jsonld'), 'utf8')) as { '@context': Record<string, unknown> };
      expect(context['@context']['capacity']).to.deep.equal({ '@id': 'pg:capacity', '@type': 'xsd:integer' });
    });

    it('lets code that uses it typecheck, and code that misspells it fail', async () => {
      await writeFile(join(copy, 'uses.ts'), "import { PG } from './src/rdf/vocab.js';\nexport const capacity: string = PG.capacity.value;\n");
      await writeFile(join(copy, 'misspells.ts'), "import { PG } from './src/rdf/vocab.js';\nexport const capacity: string = PG.capasity.value;\n");
      const program = ts.createProgram([join(copy, 'uses.ts'), join(copy, 'misspells.ts')], {
        strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'],
      });
      const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.match(/misspells\.ts: Property 'capasity' does not exist/);
    });
  });
});
