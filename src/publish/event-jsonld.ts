/**
 * Per-event schema.org JSON-LD, for search engines (Google's Event rich results) and for anyone
 * merging datasets: every person, organisation, place and session carries the IRI it has in the
 * graph (graph.nt), so the file links into the graph instead of repeating it as blank nodes.
 * Built straight from the model. Only what the report says is written: no image, offers or
 * organiser website is invented (rich-results.ts says what keeps a page from rich results).
 */
import type { EventModel, Organisation, Person, Place, ReportModel, Session } from '../model/types.js';
import { createMinter, type Minter } from '../rdf/iri.js';
import { NS } from '../rdf/namespaces.js';
import { factory } from '../rdf/factory.js';
import { countryCode } from './country-codes.js';

export type SchemaValue = string | SchemaObject | SchemaValue[];
export interface SchemaObject {
  [key: string]: SchemaValue;
}

/** Where Google documents the enumeration values (https://schema.org/EventScheduled...). */
const SCHEMA_ORG = 'https://schema.org';

/**
 * schema.org's own context maps terms to IRIs only (it no longer coerces any value), so a URL
 * given as a string would read back as a literal. This second context makes the values that name
 * things IRIs, while the values stay the plain strings Google documents.
 */
const IRI_VALUED_TERMS = ['sameAs', 'url', 'eventStatus', 'eventAttendanceMode'] as const;
export const EVENT_CONTEXT: SchemaValue = [
  SCHEMA_ORG,
  Object.fromEntries(IRI_VALUED_TERMS.map((term) => [term, { '@id': `${NS.schema}${term}`, '@type': '@id' }])),
];

const one = (values: readonly string[]): SchemaValue | undefined => (values.length === 0 ? undefined : values.length === 1 ? values[0]! : [...values]);

/** The object without undefined values and empty lists: search engines treat an empty property as a wrong one. */
function compact(object: Record<string, SchemaValue | undefined>): SchemaObject {
  return Object.fromEntries(
    Object.entries(object).filter((entry): entry is [string, SchemaValue] => entry[1] !== undefined && !(Array.isArray(entry[1]) && entry[1].length === 0)),
  );
}

function present<T>(values: ReadonlyArray<T | undefined>): T[] {
  return values.filter((value): value is T => value !== undefined);
}

class EventNodes {
  constructor(
    private readonly mint: Minter,
    private readonly people: ReadonlyMap<string, Person>,
    private readonly organisations: ReadonlyMap<string, Organisation>,
  ) {}

  /** A Wikidata page is no website: it goes in sameAs, and url only holds the gazetteer's own url. */
  organisation(key: string): SchemaObject | undefined {
    const value = this.organisations.get(key);
    if (value === undefined) return undefined;
    return compact({
      '@type': 'Organization',
      '@id': this.mint('org', value.key).value,
      name: value.name,
      alternateName: value.acronym,
      url: value.url,
      sameAs: one(value.sameAs),
    });
  }

  person(key: string): SchemaObject | undefined {
    const value = this.people.get(key);
    if (value === undefined) return undefined;
    return compact({
      '@type': 'Person',
      '@id': this.mint('person', value.key).value,
      name: value.name,
      honorificPrefix: value.honorific,
      jobTitle: value.jobTitles[0],
      affiliation: present(value.affiliations.map(({ organisationKey }) => this.organisation(organisationKey))),
    });
  }

  /** The address has no IRI of its own here: its country is an ISO code, the graph's is the name. */
  place(value: Place): SchemaObject {
    const country = value.country === undefined ? undefined : (countryCode(value.country) ?? value.country);
    return compact({
      '@type': 'Place',
      '@id': this.mint('place', value.key).value,
      name: value.name,
      address: compact({ '@type': 'PostalAddress', streetAddress: value.streetAddress, addressLocality: value.city, addressCountry: country }),
      sameAs: one(value.sameAs),
    });
  }

  /** Speakers and moderators in order of first appearance, each once. */
  performers(sessions: readonly Session[]): SchemaObject[] {
    const keys = sessions.flatMap((session) =>
      session.participations.filter(({ role }) => role === 'moderator' || role === 'speaker').map(({ personKey }) => personKey),
    );
    return present([...new Set(keys)].map((key) => this.person(key)));
  }

  /**
   * A session's own date and place when the report gives them. Without its own, a session of a
   * one-day event is on that day, and a session of an event held in one place is in that place.
   */
  session(session: Session, event: EventModel): SchemaObject {
    const oneDay = event.startDate !== undefined && (event.endDate === undefined || event.endDate === event.startDate);
    const place = session.place ?? event.place;
    return compact({
      '@type': 'Event',
      '@id': this.mint('session', session.key).value,
      name: session.name,
      description: session.description,
      startDate: session.startDate ?? (oneDay ? event.startDate : undefined),
      endDate: session.endDate,
      location: place === undefined ? undefined : this.place(place),
      performer: this.performers([session]),
    });
  }
}

export interface EventJsonLdOptions {
  /** Base IRI of the graph: every node's "@id" is its graph IRI, so both describe the same things. */
  readonly base?: string;
}

export function eventJsonLd(model: ReportModel, options: EventJsonLdOptions = {}): SchemaObject {
  const event = model.event;
  const mint = createMinter(factory, options.base);
  const nodes = new EventNodes(
    mint,
    new Map(model.people.map((value) => [value.key, value])),
    new Map(model.organisations.map((value) => [value.key, value])),
  );
  return compact({
    '@context': EVENT_CONTEXT,
    '@type': 'Event',
    '@id': mint('event', event.key).value,
    name: event.name,
    startDate: event.startDate,
    endDate: event.endDate,
    // The report tells of a meeting that took place as planned, in a place people came to.
    eventStatus: `${SCHEMA_ORG}/EventScheduled`,
    eventAttendanceMode: event.place === undefined ? undefined : `${SCHEMA_ORG}/OfflineEventAttendanceMode`,
    location: event.place === undefined ? undefined : nodes.place(event.place),
    description: event.description ?? event.themeLine,
    organizer: present(event.organisers.map(({ key }) => nodes.organisation(key))),
    performer: nodes.performers(event.sessions),
    subEvent: event.sessions.map((session) => nodes.session(session, event)),
  });
}
