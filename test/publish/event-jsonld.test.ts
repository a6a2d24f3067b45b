import { expect } from 'chai';
import jsonld from 'jsonld';
import type { JsonLdDocument } from 'jsonld';
import { offlineDocumentLoader } from '../../src/write/jsonld.js';
import { eventJsonLd, type SchemaObject } from '../../src/publish/event-jsonld.js';
import type { ReportModel } from '../../src/model/types.js';
import { FIXTURE_BASE, fixtureModel, fixtureQuads, sampleBuild } from '../write/fixture.js';

const get = (object: SchemaObject, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);

// Google's Event rich results: required properties, then the recommended ones a report can support.
const REQUIRED = ['name', 'startDate', 'location.name', 'location.address.addressLocality', 'location.address.addressCountry'];
const RECOMMENDED = ['description', 'endDate', 'eventStatus', 'eventAttendanceMode', 'organizer', 'performer'];

function checkRichResult(event: SchemaObject): void {
  expect(event['@context']).to.equal('https://schema.org');
  expect(event['@type']).to.equal('Event');
  for (const path of [...REQUIRED, ...RECOMMENDED]) expect(get(event, path), path).to.not.equal(undefined);
  expect(get(event, 'location.@type')).to.equal('Place');
  expect(get(event, 'location.address.@type')).to.equal('PostalAddress');
  expect(event.startDate).to.match(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?)?$/);
  expect(event.eventStatus).to.equal('https://schema.org/EventScheduled');
  expect(event.eventAttendanceMode).to.equal('https://schema.org/OfflineEventAttendanceMode');
  for (const organizer of event.organizer as SchemaObject[]) expect(organizer).to.include({ '@type': 'Organization' }).and.to.have.property('name');
  for (const performer of event.performer as SchemaObject[]) expect(performer).to.include({ '@type': 'Person' }).and.to.have.property('name');
}

describe('publish/event-jsonld', () => {
  const event = eventJsonLd(fixtureModel, { base: FIXTURE_BASE });

  it('has every required and supported recommended property of Google Event rich results', () => checkRichResult(event));

  it('names the same event and sessions as the graph (same IRIs)', () => {
    const subjects = new Set(fixtureQuads().map((quad) => quad.subject.value));
    expect(subjects).to.include(event['@id']);
    for (const session of event.subEvent as SchemaObject[]) expect(subjects).to.include(session['@id']);
  });

  it('lists speakers and moderators as performers, once each, by name without honorific', () => {
    expect((event.performer as SchemaObject[]).map((performer) => performer.name)).to.deep.equal(['Ada Lovelace', 'Einar Bjorgo']);
  });

  it('describes each session as a subEvent with its performers, leaving out empty lists', () => {
    const [first, second] = event.subEvent as SchemaObject[];
    expect(first).to.include({ '@type': 'Event', name: 'Satellites for peace', description: 'Satellite data and conflict prevention.' });
    expect((first!.performer as SchemaObject[]).map((performer) => performer.name)).to.deep.equal(['Ada Lovelace', 'Einar Bjorgo']);
    expect(second).to.not.have.property('performer');
  });

  it('gives organisers their name, acronym and Wikidata identity', () => {
    expect(event.organizer).to.deep.equal([{
      '@type': 'Organization', name: 'United Nations Institute for Training and Research', alternateName: 'UNITAR',
      sameAs: 'http://www.wikidata.org/entity/Q1426374',
    }]);
  });

  it('is JSON-LD that expands to schema.org triples (schema.org context stubbed locally, never fetched)', async () => {
    // Only the part of schema.org's context the document relies on: its vocabulary.
    const documentLoader = async (url: string) =>
      url === 'https://schema.org'
        ? { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } }
        : offlineDocumentLoader(url);
    const nquads = (await jsonld.toRDF(event as JsonLdDocument, { format: 'application/n-quads', documentLoader })) as unknown as string;
    expect(nquads).to.include(`<${event['@id']}> <https://schema.org/name> "Geneva Peace Week" .`);
    expect(nquads).to.include(`<${event['@id']}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Event> .`);
    expect(nquads).to.match(/<https:\/\/schema.org\/addressLocality> "Geneva" \./);
  });

  it('leaves out what the report does not say instead of inventing it', () => {
    const bare: ReportModel = { ...fixtureModel, event: { ...fixtureModel.event, endDate: undefined, description: undefined, themeLine: undefined, organisers: [] } };
    const result = eventJsonLd(bare);
    expect(result).to.not.have.any.keys('endDate', 'description', 'organizer');
  });

  it('has every required and supported recommended property for the sample report', async () => {
    const { models } = await sampleBuild();
    expect(models).to.not.be.empty;
    for (const model of models) checkRichResult(eventJsonLd(model));
  });
});
