/**
 * Per-event schema.org JSON-LD as search engines read it (Google's Event rich results: name,
 * startDate, location with address required; description, endDate, eventStatus,
 * eventAttendanceMode, organizer, performer recommended). Built straight from the model: the
 * "https://schema.org" context is only named, never fetched.
 */
import type { EventModel, Organisation, Person, Place, ReportModel, Session } from '../model/types.js';
import { DataFactory } from 'n3';
import { createMinter } from '../rdf/iri.js';

export type SchemaValue = string | SchemaObject | SchemaValue[];
export interface SchemaObject {
  [key: string]: SchemaValue;
}

const SCHEMA_ORG = 'https://schema.org';

function place(value: Place): SchemaObject {
  const address: SchemaObject = { '@type': 'PostalAddress' };
  if (value.streetAddress !== undefined) address.streetAddress = value.streetAddress;
  if (value.city !== undefined) address.addressLocality = value.city;
  if (value.country !== undefined) address.addressCountry = value.country;
  return { '@type': 'Place', name: value.name, address, ...sameAs(value.sameAs) };
}

function sameAs(iris: readonly string[]): SchemaObject {
  if (iris.length === 0) return {};
  return { sameAs: iris.length === 1 ? iris[0]! : [...iris] };
}

/** No "url": the model knows no organisation website, and a Wikidata page is not one (it goes in sameAs). */
function organisation(value: Organisation): SchemaObject {
  return {
    '@type': 'Organization',
    name: value.name,
    ...(value.acronym === undefined ? {} : { alternateName: value.acronym }),
    ...sameAs(value.sameAs),
  };
}

function person(value: Person, organisations: ReadonlyMap<string, Organisation>): SchemaObject {
  const affiliations = value.affiliations
    .map((affiliation) => organisations.get(affiliation.organisationKey))
    .filter((found): found is Organisation => found !== undefined)
    .map((found): SchemaObject => ({ '@type': 'Organization', name: found.name }));
  return {
    '@type': 'Person',
    name: value.name,
    ...(value.jobTitles[0] === undefined ? {} : { jobTitle: value.jobTitles[0] }),
    ...(affiliations.length === 0 ? {} : { affiliation: affiliations }),
  };
}

/** Speakers and moderators in order of first appearance, each once. */
function performerKeys(sessions: readonly Session[]): string[] {
  const keys = sessions.flatMap((session) =>
    session.participations.filter(({ role }) => role === 'moderator' || role === 'speaker').map(({ personKey }) => personKey),
  );
  return [...new Set(keys)];
}

export interface EventJsonLdOptions {
  /** Base IRI of the graph: the event's "@id" is its graph IRI, so both describe the same node. */
  readonly base?: string;
}

export function eventJsonLd(model: ReportModel, options: EventJsonLdOptions = {}): SchemaObject {
  const event: EventModel = model.event;
  const mint = createMinter(DataFactory, options.base);
  const people = new Map(model.people.map((value) => [value.key, value]));
  const organisations = new Map(model.organisations.map((value) => [value.key, value]));
  const performers = (sessions: readonly Session[]): SchemaObject => ({
    performer: performerKeys(sessions)
      .map((key) => people.get(key))
      .filter((found): found is Person => found !== undefined)
      .map((found) => person(found, organisations)),
  });
  /** Empty lists are left out: search engines treat an empty property as a wrong one. */
  const withoutEmpty = (object: SchemaObject): SchemaObject =>
    Object.fromEntries(Object.entries(object).filter(([, value]) => !(Array.isArray(value) && value.length === 0)));
  const organizers = event.organisers
    .map(({ key }) => organisations.get(key))
    .filter((found): found is Organisation => found !== undefined)
    .map(organisation);
  const description = event.description ?? event.themeLine;
  const subEvents = event.sessions.map((session) =>
    withoutEmpty({
      '@type': 'Event',
      '@id': mint('session', session.key).value,
      name: session.name,
      ...(session.description === undefined ? {} : { description: session.description }),
      ...performers([session]),
    }),
  );
  return withoutEmpty({
    '@context': SCHEMA_ORG,
    '@type': 'Event',
    '@id': mint('event', event.key).value,
    name: event.name,
    ...(event.startDate === undefined ? {} : { startDate: event.startDate }),
    ...(event.endDate === undefined ? {} : { endDate: event.endDate }),
    eventStatus: `${SCHEMA_ORG}/EventScheduled`,
    eventAttendanceMode: `${SCHEMA_ORG}/OfflineEventAttendanceMode`,
    ...(event.place === undefined ? {} : { location: place(event.place) }),
    ...(description === undefined ? {} : { description }),
    organizer: organizers,
    ...performers(event.sessions),
    subEvent: subEvents,
  });
}
