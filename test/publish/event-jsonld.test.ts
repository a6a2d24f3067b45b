import { expect } from 'chai';
import jsonld from 'jsonld';
import type { JsonLdDocument } from 'jsonld';
import { bundledDocumentLoader } from '../../src/read/jsonld-loader.js';
import { eventJsonLd, type SchemaObject } from '../../src/publish/event-jsonld.js';
import { richResultGaps } from '../../src/publish/rich-results.js';
import type { ReportModel, Session } from '../../src/model/types.js';
import { FIXTURE_BASE, fixtureModel, fixtureQuads, sampleBuild } from '../write/fixture.js';

const SCHEMA = 'http://schema.org/';
const objects = (value: unknown): SchemaObject[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as SchemaObject[];

/** Every node object of the document, however deeply nested. */
function nodes(value: unknown): SchemaObject[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as SchemaObject;
  return [...('@type' in node ? [node] : []), ...Object.entries(node).filter(([key]) => key !== '@context').flatMap(([, child]) => nodes(child))];
}

async function nquads(event: SchemaObject): Promise<string> {
  return (await jsonld.toRDF(event as JsonLdDocument, { format: 'application/n-quads', documentLoader: bundledDocumentLoader })) as unknown as string;
}

function withSessions(sessions: (session: Session) => Session, event: Partial<ReportModel['event']> = {}): ReportModel {
  return { ...fixtureModel, event: { ...fixtureModel.event, ...event, sessions: fixtureModel.event.sessions.map(sessions) } };
}

describe('publish/event-jsonld', () => {
  const event = eventJsonLd(fixtureModel, { base: FIXTURE_BASE });

  it('is eligible for Google Event rich results and has the recommended properties the report supports', () => {
    expect(richResultGaps(event)).to.deep.equal([]);
    for (const key of ['description', 'endDate', 'eventStatus', 'eventAttendanceMode', 'organizer', 'performer']) expect(event, key).to.have.property(key);
  });

  it('gives every event, session, person, organisation and place the IRI it has in the graph', () => {
    const subjects = new Set(fixtureQuads().map((quad) => quad.subject.value));
    const typed = nodes(event).filter((node) => ['Event', 'Person', 'Organization', 'Place'].includes(node['@type'] as string));
    expect(typed.map((node) => node['@type'])).to.include.members(['Event', 'Person', 'Organization', 'Place']);
    for (const node of typed) expect(subjects, `${node['@type']} ${node.name}`).to.include(node['@id']);
  });

  it('links affiliations to the organisations by IRI, with their Wikidata identity', () => {
    const einar = objects(event.performer).find((person) => person.name === 'Einar Bjorgo')!;
    expect(objects(einar.affiliation).map((organisation) => organisation['@id'])).to.deep.equal([`${FIXTURE_BASE}org/unosat`]);
    expect(objects(event.organizer)).to.deep.equal([{
      '@type': 'Organization', '@id': `${FIXTURE_BASE}org/unitar`, name: 'United Nations Institute for Training and Research',
      alternateName: 'UNITAR', sameAs: 'http://www.wikidata.org/entity/Q1426374',
    }]);
  });

  it('reads back with IRIs, not strings, for sameAs, the status and the attendance mode, and an ISO country code', async () => {
    const rdf = await nquads(event);
    const id = event['@id'] as string;
    const cases: Array<[string, string]> = [
      ['status', `<${id}> <${SCHEMA}eventStatus> <https://schema.org/EventScheduled> .`],
      ['attendance mode', `<${id}> <${SCHEMA}eventAttendanceMode> <https://schema.org/OfflineEventAttendanceMode> .`],
      ['organiser identity', `<${FIXTURE_BASE}org/unitar> <${SCHEMA}sameAs> <http://www.wikidata.org/entity/Q1426374> .`],
      ['place identity', `<${FIXTURE_BASE}place/geneva-switzerland> <${SCHEMA}sameAs> <http://www.wikidata.org/entity/Q71> .`],
      ['type', `<${id}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${SCHEMA}Event> .`],
    ];
    for (const [title, line] of cases) expect(rdf, title).to.include(line);
    expect(rdf).to.match(new RegExp(`<${SCHEMA}addressCountry> "CH" \\.`));
  });

  it('lists speakers and moderators as performers, once each, by name without honorific', () => {
    expect(objects(event.performer).map((performer) => performer.name)).to.deep.equal(['Ada Lovelace', 'Einar Bjorgo']);
    expect(objects(event.performer)[0]).to.include({ honorificPrefix: 'Ms', jobTitle: 'Director' });
  });

  it('gives sessions the event place, and no date of their own when the event lasts several days', () => {
    const [first, second] = objects(event.subEvent);
    expect(first).to.include({ '@type': 'Event', '@id': `${FIXTURE_BASE}session/geneva-peace-week-2017-1`, name: 'Satellites for peace' });
    expect(objects(first!.location)[0]!['@id']).to.equal(`${FIXTURE_BASE}place/geneva-switzerland`);
    expect(first).to.not.have.property('startDate');
    expect(second).to.not.have.property('performer');
  });

  const sessionDates: Array<[string, ReportModel, string | undefined, string | undefined]> = [
    ['its own time from the report', withSessions((session) => ({ ...session, startDate: '2017-11-07T15:30:00+01:00', endDate: '2017-11-07T17:00:00+01:00' })), '2017-11-07T15:30:00+01:00', '2017-11-07T17:00:00+01:00'],
    ['the day of a one-day event', withSessions((session) => session, { endDate: undefined }), '2017-11-06', undefined],
    ['no date when the event has none', withSessions((session) => session, { startDate: undefined, endDate: undefined }), undefined, undefined],
  ];
  for (const [title, model, start, end] of sessionDates) {
    it(`dates a session with ${title}`, () => {
      const [first] = objects(eventJsonLd(model).subEvent);
      expect(first!.startDate).to.equal(start);
      expect(first!.endDate).to.equal(end);
    });
  }

  it('gives a session its own room when the report names one', () => {
    const room = { key: 'palais-des-nations-room-xx', name: 'Room XX, Palais des Nations', city: 'Geneva', country: 'Switzerland', sameAs: [] };
    const [first] = objects(eventJsonLd(withSessions((session) => ({ ...session, place: room })), { base: FIXTURE_BASE }).subEvent);
    expect(objects(first!.location)[0]).to.deep.include({ '@id': `${FIXTURE_BASE}place/palais-des-nations-room-xx`, name: 'Room XX, Palais des Nations' });
  });

  it('gives the organiser website as url when the gazetteer knows it, and never a Wikidata page', () => {
    const withUrl: ReportModel = { ...fixtureModel, organisations: fixtureModel.organisations.map((organisation) => ({ ...organisation, url: `https://${organisation.key}.example.org/` })) };
    expect(objects(eventJsonLd(withUrl).organizer)[0]!.url).to.equal('https://unitar.example.org/');
    expect(objects(event.organizer)[0]).to.not.have.property('url');
  });

  it('leaves out what the report does not say instead of inventing it', () => {
    const bare: ReportModel = {
      ...fixtureModel,
      event: { ...fixtureModel.event, endDate: undefined, description: undefined, themeLine: undefined, organisers: [], place: undefined },
    };
    const result = eventJsonLd(bare);
    expect(result).to.not.have.any.keys('endDate', 'description', 'organizer', 'location', 'eventAttendanceMode', 'image', 'offers');
    expect(richResultGaps(result)).to.deep.equal(['no location (the report names no place)']);
  });

  it('is eligible for rich results for the sample report, with every organiser and performer identified', async () => {
    const { models } = await sampleBuild();
    expect(models).to.not.be.empty;
    for (const model of models) {
      const sample = eventJsonLd(model);
      expect(richResultGaps(sample)).to.deep.equal([]);
      expect(objects(sample.location)[0]!.address).to.deep.include({ addressCountry: 'CH' });
      for (const node of nodes(sample).filter((value) => value['@type'] !== 'PostalAddress')) expect(node, String(node.name)).to.have.property('@id');
    }
  });
});
