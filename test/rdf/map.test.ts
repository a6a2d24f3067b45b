import { expect } from 'chai';
import { DataFactory, Store, Writer } from 'n3';
import type { Evidence, ReportModel } from '../../src/model/types.js';
import type { Quad_Object } from '@rdfjs/types';
import { mapReport } from '../../src/rdf/map.js';

const BASE = 'https://example.org/id/';
const text = 'Mr Einar Bjorgo, Manager, UNOSAT, spoke. Bjorgo added more.';
const span = (exact: string, from = 0): Evidence => {
  const start = text.indexOf(exact, from);
  return { source: 'sample', start, end: start + exact.length, exact };
};

const model: ReportModel = {
  source: { id: 'sample', path: 'reports/sample.txt', text, sha256: 'ab'.repeat(32) },
  people: [{
    key: 'einar-bjorgo', name: 'Einar Bjorgo', honorific: 'Mr', jobTitles: ['Manager'],
    affiliations: [{ organisationKey: 'unosat', jobTitle: 'Manager', evidence: span('Mr Einar Bjorgo, Manager, UNOSAT') }],
    mentions: [span('Einar Bjorgo'), span('Bjorgo', 20)],
  }],
  organisations: [{
    key: 'unosat', name: 'UN Operational Satellite Applications Programme', acronym: 'UNOSAT', alternateNames: [], aliases: [],
    parentKey: 'unitar', sameAs: ['http://www.wikidata.org/entity/Q1' ], evidence: [span('UNOSAT')],
  }],
  initiatives: [],
  warnings: [],
  event: {
    key: 'week', name: 'A week', startDate: '2017-11-06', endDate: '2017-11-10',
    place: { key: 'geneva-switzerland', name: 'Geneva, Switzerland', city: 'Geneva', country: 'Switzerland', sameAs: [] },
    organisers: [], personMentions: [],
    sessions: [{
      key: 'week-1', position: 1, name: 'Satellites', description: 'About satellites.',
      participations: [{ personKey: 'einar-bjorgo', role: 'speaker', evidence: span('Mr Einar Bjorgo') }],
      personMentions: [{ key: 'einar-bjorgo', evidence: span('Bjorgo', 20) }],
      organisationMentions: [], initiativeMentions: [],
      themes: [{ conceptIri: 'https://w3id.org/peacegraph/theme/gis', evidence: span('UNOSAT') }],
      evidence: span(text),
    }],
    sections: [{ key: 'sample-1', position: 1, sessionKey: 'week-1', evidence: span(text) }],
  },
};

const iri = (path: string) => DataFactory.namedNode(BASE + path);
const schema = (name: string) => DataFactory.namedNode(`http://schema.org/${name}`);

describe('rdf/map', () => {
  const quads = mapReport(model, { factory: DataFactory, base: BASE });
  const store = new Store(quads);
  const has = (s: string, p: ReturnType<typeof DataFactory.namedNode>, o: Quad_Object) =>
    store.countQuads(iri(s), p, o, null) > 0;

  it('puts every quad in the report graph', () => {
    expect(new Set(quads.map((quad) => quad.graph.value))).to.deep.equal(new Set([`${BASE}graph/sample`]));
  });

  it('uses no blank nodes', () => {
    expect(quads.filter((quad) => quad.subject.termType === 'BlankNode' || quad.object.termType === 'BlankNode')).to.be.empty;
  });

  const contract: Array<[string, string, string, Quad_Object]> = [
    ['person is a schema:Person', 'person/einar-bjorgo', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', schema('Person')],
    ['person name has no honorific', 'person/einar-bjorgo', 'http://schema.org/name', DataFactory.literal('Einar Bjorgo')],
    ['honorific prefix', 'person/einar-bjorgo', 'http://schema.org/honorificPrefix', DataFactory.literal('Mr')],
    ['job title', 'person/einar-bjorgo', 'http://schema.org/jobTitle', DataFactory.literal('Manager')],
    ['affiliation', 'person/einar-bjorgo', 'http://schema.org/affiliation', iri('org/unosat')],
    ['organisation acronym', 'org/unosat', 'http://schema.org/alternateName', DataFactory.literal('UNOSAT')],
    ['organisation parent', 'org/unosat', 'http://schema.org/parentOrganization', iri('org/unitar')],
    ['organisation sameAs', 'org/unosat', 'http://www.w3.org/2002/07/owl#sameAs', DataFactory.namedNode('http://www.wikidata.org/entity/Q1')],
    ['event start date is xsd:date', 'event/week', 'http://schema.org/startDate', DataFactory.literal('2017-11-06', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#date'))],
    ['event location', 'event/week', 'http://schema.org/location', iri('place/geneva-switzerland')],
    ['place address', 'place/geneva-switzerland', 'http://schema.org/address', iri('place/geneva-switzerland--address')],
    ['sub event', 'event/week', 'http://schema.org/subEvent', iri('session/week-1')],
    ['super event', 'session/week-1', 'http://schema.org/superEvent', iri('event/week')],
    ['speaker is a performer', 'session/week-1', 'http://schema.org/performer', iri('person/einar-bjorgo')],
    ['session report is about the session', 'section/sample-1', 'http://schema.org/about', iri('session/week-1')],
    ['theme link', 'session/week-1', 'https://w3id.org/peacegraph/ontology#theme', DataFactory.namedNode('https://w3id.org/peacegraph/theme/gis')],
  ];
  for (const [title, subject, predicate, object] of contract) {
    it(title, () => expect(has(subject, DataFactory.namedNode(predicate), object)).to.equal(true));
  }

  it('records the evidence of a membership as a Web Annotation with exact position and quote', () => {
    const oa = (name: string) => DataFactory.namedNode(`http://www.w3.org/ns/oa#${name}`);
    const [evidence] = store.getObjects(iri('membership/einar-bjorgo--unosat'), DataFactory.namedNode('https://w3id.org/peacegraph/ontology#evidence'), null);
    const [target] = store.getObjects(evidence!, oa('hasTarget'), null);
    expect(store.getObjects(target!, oa('hasSource'), null).map((term) => term.value)).to.deep.equal([`${BASE}report/sample`]);
    const selectors = store.getObjects(target!, oa('hasSelector'), null);
    const values = (predicate: string) => selectors.flatMap((selector) => store.getObjects(selector, oa(predicate), null).map((term) => term.value));
    const expected = model.people[0]!.affiliations[0]!.evidence;
    expect(values('start')).to.deep.equal([String(expected.start)]);
    expect(values('end')).to.deep.equal([String(expected.end)]);
    expect(values('exact')).to.deep.equal([text.slice(expected.start, expected.end)]);
  });

  it('types a start and end with a time as xsd:dateTime, and the publication stamp as the report\'s schema:datePublished', () => {
    const xsd = (name: string) => DataFactory.namedNode(`http://www.w3.org/2001/XMLSchema#${name}`);
    const timed: ReportModel = {
      ...model, datePublished: '2017-11-12',
      event: { ...model.event, startDate: '2017-11-06T10:00:00+01:00', endDate: '2017-11-06T12:30:00+01:00' },
    };
    const timedStore = new Store(mapReport(timed, { factory: DataFactory, base: BASE }));
    const value = (subject: string, predicate: string) => timedStore.getObjects(iri(subject), schema(predicate), null);
    expect(value('event/week', 'startDate')).to.deep.equal([DataFactory.literal('2017-11-06T10:00:00+01:00', xsd('dateTime'))]);
    expect(value('event/week', 'endDate')).to.deep.equal([DataFactory.literal('2017-11-06T12:30:00+01:00', xsd('dateTime'))]);
    expect(value('report/sample', 'datePublished')).to.deep.equal([DataFactory.literal('2017-11-12', xsd('date'))]);
    expect(store.getObjects(iri('report/sample'), schema('datePublished'), null)).to.deep.equal([]);
  });

  it('is deterministic', () => {
    const again = mapReport(model, { factory: DataFactory, base: BASE });
    const nquads = (graph: typeof quads) => new Writer({ format: 'N-Quads' }).quadsToString(graph);
    expect(nquads(again)).to.equal(nquads(quads));
  });
});
