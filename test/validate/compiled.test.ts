import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory, Parser, Store } from 'n3';
import { Validator } from 'shacl-engine';
import type { Quad } from '@rdfjs/types';
import { compileShapes, type CompiledShapes } from '../../src/validate/compiled.js';
import { TripleIndex } from '../../src/validate/triple-index.js';
import { loadShapes } from '../../src/validate/shapes.js';
import { STRING_AWARE_DATATYPE } from '../../src/validate/string-datatype.js';
import { validateQuads, type ValidationFinding } from '../../src/validate/validate.js';
import { factory } from '../../src/rdf/factory.js';
import { unionGraph } from '../../src/rdf-io/serialise.js';
import { fixtureQuads, sampleBuild } from '../write/fixture.js';
import { EVENT, PARTICIPATION, PERSON, SESSION, add, drop, findingLine, firstOfType, id, referenceFindings, set, term, type Edit } from './graph-edits.js';

const { blankNode, literal, namedNode, quad } = DataFactory;
const ex = (name: string) => namedNode(`https://example.org/vocab#${name}`);

/** What shacl-engine (the general engine, run here on its own) finds: the above plus the value node and the message. */
async function engineFindings(quads: readonly Quad[]): Promise<string[]> {
  const validator = new Validator(new Store(await loadShapes()), { factory, validations: [STRING_AWARE_DATATYPE] });
  const report = await validator.validate({ dataset: new Store(unionGraph(quads)) });
  return report.results.map((result) => [result.severity.value.split('#')[1]!.toLowerCase(), result.focusNode.term!.value,
    result.constraintComponent.value, result.value?.term?.value ?? '', result.message[0]!.value].join(' ')).sort();
}

function engineLine(finding: ValidationFinding): string {
  return [finding.severity, finding.focusNode.value, finding.constraint, finding.value?.value ?? '', finding.message].join(' ');
}

const selectors = (quads: readonly Quad[]) => ({ position: firstOfType(quads, 'oa:TextPositionSelector'), quote: firstOfType(quads, 'oa:TextQuoteSelector') });
const evidence = (quads: readonly Quad[]) => firstOfType(quads, 'pg:Evidence');
const target = (quads: readonly Quad[]) => firstOfType(quads, 'oa:SpecificResource');
const dateTime = (value: string) => literal(value, term('xsd:dateTime'));

describe('validate/compiled', () => {
  let compiled: CompiledShapes;
  before(async () => {
    compiled = compileShapes(new TripleIndex(await loadShapes()))!;
  });

  it('compiles the bundled shapes', () => {
    expect(compiled).to.not.equal(undefined);
  });

  // [what the graph has, the edit, whether shacl-engine is a fair reference (see the case)]; one case or more per feature of compiled.ts
  const cases: Array<[string, Edit, boolean]> = [
    ['nothing wrong', (quads) => quads, true],
    ['a person typed schema:Person only (sh:class on the node shape, two target classes)', add('person/nobody', 'rdf:type', term('schema:Person')), true],
    ['a blank-node person (sh:nodeKind)', (quads) => [...quads, quad(blankNode('p'), term('rdf:type'), term('pg:Person')), quad(blankNode('p'), term('schema:name'), literal('Blank Node'))], true],
    ['a name with a language tag (sh:datatype xsd:string)', set(PERSON, 'schema:name', literal('Einar Bjorgo', 'en')), true],
    ['a one-letter name (sh:minLength)', set(PERSON, 'schema:name', literal('E')), true],
    ['no name (sh:minCount)', drop(PERSON, 'schema:name'), true],
    ['two names (sh:maxCount)', add(PERSON, 'schema:name', literal('E. Bjorgo')), true],
    ['one name stated in two graphs (a triple counts once)', (quads) => [...quads, quad(id(PERSON), term('schema:name'), literal('Einar Bjorgo'), id('graph/other'))], true],
    ['an affiliation to a person (sh:class on values)', add(PERSON, 'schema:affiliation', id(PERSON)), true],
    ['an unknown role (sh:in)', set(PARTICIPATION, 'pg:role', term('pg:Role')), true],
    ['a start date as a plain string (sh:or of datatypes)', set(EVENT, 'schema:startDate', literal('2017-11-06')), true],
    ['a digest that is not hex (sh:pattern)', set('report/fixture', 'pg:sha256', literal('AB'.repeat(32))), true],
    ['a session position of 0 (sh:minInclusive)', set(SESSION, 'pg:position', literal('0', term('xsd:integer'))), true],
    ['an end before the start (sh:lessThanOrEquals)', set(EVENT, 'schema:endDate', literal('2017-11-01', term('xsd:date'))), true],
    ['two end dates, one before the start (one finding per pair)', add(EVENT, 'schema:endDate', literal('2017-11-01', term('xsd:date'))), true],
    ['a zoned start and an unzoned end (not comparable)', (quads) => set(EVENT, 'schema:endDate', dateTime('2017-11-06T12:00:00'))(set(EVENT, 'schema:startDate', dateTime('2017-11-06T10:00:00Z'))(quads)), true],
    ['an evidence not motivated by identifying (sh:hasValue)', (quads) => set(evidence(quads), 'oa:motivatedBy', term('oa:describing'))(quads), true],
    ['a target without quote selector (sh:qualifiedMinCount)', (quads) => drop(selectors(quads).quote, 'rdf:type')(quads), true],
    ['a target with two position selectors (sh:qualifiedMaxCount)', (quads) => add(target(quads), 'oa:hasSelector', id(selectors(quads).position.replace(/.$/u, 'x')))(add(selectors(quads).position.replace(/.$/u, 'x'), 'rdf:type', term('oa:TextPositionSelector'))(quads)), true],
    ['a participation two sessions hold (inverse path)', add(`${SESSION.slice(0, -1)}2`, 'pg:participation', id(PARTICIPATION)), true],
    ['a theme outside the scheme (sh:targetObjectsOf)', add(SESSION, 'pg:theme', namedNode('https://example.org/theme/none')), true],
    ['no place (sh:severity sh:Warning)', drop(EVENT, 'schema:location'), true],
    // A class's subclasses in the data graph: its instances are targets and pass sh:class, as SHACL
    // says. shacl-engine looks for subclasses in the shapes graph instead, so only rdf-validate-shacl is asked.
    ['a person of a subclass of pg:Person, without a name', (quads) => [...quads, quad(ex('Panellist'), term('rdfs:subClassOf'), term('pg:Person')),
      quad(id('person/panellist'), term('rdf:type'), ex('Panellist')), quad(id(PERSON), term('schema:affiliation'), id('org/agency')),
      quad(id('org/agency'), term('rdf:type'), ex('Agency')), quad(ex('Agency'), term('rdfs:subClassOf'), ex('Body')), quad(ex('Body'), term('rdfs:subClassOf'), term('pg:Organisation'))], false],
  ];
  for (const [what, edit, engineToo] of cases) {
    it(`finds what rdf-validate-shacl${engineToo ? ' and shacl-engine find' : ' finds'} in a graph with ${what}`, async () => {
      const quads = edit(fixtureQuads());
      const findings = compiled.validate(new TripleIndex(quads));
      expect(findings.map(findingLine).sort()).to.deep.equal(await referenceFindings(quads));
      if (engineToo) expect(findings.map(engineLine).sort()).to.deep.equal(await engineFindings(quads));
      if (what !== 'nothing wrong' && what !== 'one name stated in two graphs (a triple counts once)') expect(findings).to.not.be.empty;
    });
  }

  it('finds what shacl-engine finds on the built sample report', async () => {
    const { quads } = await sampleBuild();
    expect(compiled.validate(new TripleIndex(quads)).map(engineLine).sort()).to.deep.equal(await engineFindings(quads));
  });

  // Shapes with features compiled.ts leaves to shacl-engine: [feature, the Turtle of one shape asking for an email]
  const PREFIXES = '@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <http://schema.org/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n';
  const SHAPE = namedNode('https://example.org/shapes#S');
  const others: Array<[string, string]> = [
    ['sh:targetNode', `<https://example.org/shapes#S> sh:targetNode <${id(PERSON).value}> ; sh:property [ sh:path schema:email ; sh:minCount 1 ] .`],
    ['sh:node', `<https://example.org/shapes#S> sh:targetClass <${term('pg:Person').value}> ; sh:node [ sh:property [ sh:path schema:email ; sh:minCount 1 ] ] .`],
    ['a sequence path', `<https://example.org/shapes#S> sh:targetClass <${term('pg:Person').value}> ; sh:property [ sh:path ( schema:affiliation schema:email ) ; sh:minCount 1 ] .`],
    ['an implicit class target', '<https://example.org/shapes#S> a sh:NodeShape, rdfs:Class ; sh:property [ sh:path schema:email ; sh:minCount 1 ] .'],
  ];
  for (const [feature, turtle] of others) {
    it(`leaves shapes with ${feature} to shacl-engine, which finds the person without an email`, async () => {
      const text = PREFIXES + turtle;
      expect(compileShapes(new TripleIndex(new Parser().parse(text)))).to.equal(undefined);
      const folder = await mkdtemp(join(tmpdir(), 'peacegraph-shapes-'));
      try {
        await writeFile(join(folder, 'shapes.ttl'), text);
        const report = await validateQuads([...fixtureQuads(), quad(id(PERSON), term('rdf:type'), SHAPE)], join(folder, 'shapes.ttl'));
        expect(report.conforms).to.equal(false);
        expect(report.findings.map((finding) => finding.focusNode.value)).to.include(id(PERSON).value);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  }
});
