/**
 * Maps the typed model of one report onto RDF: the project's ontology terms plus the schema.org
 * terms of the public contract, all in the report's own named graph. No blank nodes: every node
 * has a minted IRI, so re-loading a report into a store is idempotent.
 */
import type { DataFactory, Literal, NamedNode, Quad, Quad_Object } from '@rdfjs/types';
import type {
  Evidence, EventModel, Initiative, Mention, Organisation, Person, Place, ReportModel, RoleName, Session, SectionReport,
} from '../model/types.js';
import { createMinter, type Minter } from './iri.js';
import type { ResourceKind } from './namespaces.js';
import { OA, ORG, OWL, PG, PROV, RDF, SCHEMA, XSD, SKOS } from './vocab.js';

export interface MapOptions {
  readonly factory: DataFactory;
  readonly base?: string;
  /**
   * false leaves out the evidence annotations (the text span behind each fact): about 80% of the
   * triples. For corpus-scale graphs queried for facts; default true.
   */
  readonly evidence?: boolean;
}

const ROLE_TERMS: Readonly<Record<RoleName, NamedNode>> = {
  moderator: PG.ModeratorRole,
  speaker: PG.SpeakerRole,
  reporter: PG.ReporterRole,
  organiser: PG.OrganiserRole,
};

/** Named graph that holds everything extracted from one source report. */
export function reportGraph(mint: Minter, sourceId: string): NamedNode {
  return mint('graph', sourceId);
}

export function mapReport(model: ReportModel, options: MapOptions): Quad[] {
  const { factory } = options;
  const mint = createMinter(factory, options.base);
  const graph = reportGraph(mint, model.source.id);
  const quads: Quad[] = [];
  const add = (subject: NamedNode, predicate: NamedNode, object: Quad_Object | undefined): void => {
    if (object !== undefined) quads.push(factory.quad(subject, predicate, object, graph));
  };
  const text = (value: string | undefined): Literal | undefined =>
    value === undefined || value === '' ? undefined : factory.literal(value);
  const integer = (value: number): Literal => factory.literal(String(value), XSD.integer);
  /** A day is an xsd:date, a day with a time an xsd:dateTime. */
  const date = (value: string | undefined): Literal | undefined =>
    value === undefined ? undefined : factory.literal(value, value.includes('T') ? XSD.dateTime : XSD.date);

  const source = mint('report', model.source.id);

  /** One oa:Annotation per distinct span, shared by every fact drawn from it. */
  const evidenceNode = (evidence: Evidence, body?: NamedNode): NamedNode => {
    const key = `${evidence.source}-${evidence.start}-${evidence.end}`;
    const node = mint('evidence', key);
    const target = mint('evidence', `${key}-target`);
    const position = mint('evidence', `${key}-position`);
    const quote = mint('evidence', `${key}-quote`);
    add(node, RDF.type, PG.Evidence);
    add(node, RDF.type, OA.Annotation);
    add(node, OA.motivatedBy, OA.identifying);
    add(node, OA.hasBody, body);
    add(node, OA.hasTarget, target);
    add(target, RDF.type, OA.SpecificResource);
    add(target, OA.hasSource, mint('report', evidence.source));
    add(target, OA.hasSelector, position);
    add(target, OA.hasSelector, quote);
    add(position, RDF.type, OA.TextPositionSelector);
    add(position, OA.start, factory.literal(String(evidence.start), XSD.nonNegativeInteger));
    add(position, OA.end, factory.literal(String(evidence.end), XSD.nonNegativeInteger));
    add(quote, RDF.type, OA.TextQuoteSelector);
    add(quote, OA.exact, factory.literal(evidence.exact));
    return node;
  };
  const cite = (fact: NamedNode, evidence: Evidence, body?: NamedNode): void => {
    if (options.evidence !== false) add(fact, PG.evidence, evidenceNode(evidence, body));
  };
  /** Spans that name the resource itself: each is its own body. */
  const citeSelf = (node: NamedNode, spans: readonly (Evidence | undefined)[]): void => {
    for (const span of spans) if (span !== undefined) cite(node, span, node);
  };

  /** A resource of the model: its IRI, its classes (the project's and schema.org's) and its name. */
  const resource = (kind: ResourceKind, key: string, classes: readonly NamedNode[], name?: string): NamedNode => {
    const node = mint(kind, key);
    for (const type of classes) add(node, RDF.type, type);
    add(node, SCHEMA.name, text(name));
    return node;
  };

  /** node -predicate-> each mentioned resource, with the span that names it as evidence. */
  const link = (node: NamedNode, predicate: NamedNode, kind: 'person' | 'org' | 'initiative', mentions: readonly Mention[]): void => {
    for (const mention of mentions) {
      const target = mint(kind, mention.key);
      add(node, predicate, target);
      cite(node, mention.evidence, target);
    }
  };

  const sameAs = (node: NamedNode, iris: readonly string[]): void => {
    for (const iri of iris) {
      add(node, OWL.sameAs, factory.namedNode(iri));
      add(node, SCHEMA.sameAs, factory.namedNode(iri));
    }
  };

  const mapSource = (): void => {
    resource('report', model.source.id, [PG.SourceReport, SCHEMA.CreativeWork], model.source.path.split(/[\\/]/).pop());
    add(source, PG.sha256, text(model.source.sha256));
    add(source, SCHEMA.datePublished, date(model.datePublished));
  };

  const mapOrganisation = (organisation: Organisation): void => {
    const node = resource('org', organisation.key, [PG.Organisation, SCHEMA.Organization], organisation.name);
    add(node, SCHEMA.alternateName, text(organisation.acronym));
    for (const name of organisation.alternateNames) add(node, SKOS.altLabel, text(name));
    for (const alias of organisation.aliases) add(node, PG.alias, text(alias));
    if (organisation.parentKey !== undefined) {
      const parent = mint('org', organisation.parentKey);
      add(node, SCHEMA.parentOrganization, parent);
      add(node, ORG.subOrganizationOf, parent);
    }
    sameAs(node, organisation.sameAs);
    citeSelf(node, organisation.evidence);
  };

  const mapPerson = (person: Person): void => {
    const node = resource('person', person.key, [PG.Person, SCHEMA.Person], person.name);
    add(node, SCHEMA.honorificPrefix, text(person.honorific));
    for (const title of person.jobTitles) add(node, SCHEMA.jobTitle, text(title));
    for (const affiliation of person.affiliations) {
      const organisation = mint('org', affiliation.organisationKey);
      const membership = resource('membership', `${person.key}--${affiliation.organisationKey}`, [PG.Membership, ORG.Membership]);
      add(node, SCHEMA.affiliation, organisation);
      add(membership, ORG.member, node);
      add(membership, ORG.organization, organisation);
      add(membership, PG.jobTitle, text(affiliation.jobTitle));
      cite(membership, affiliation.evidence, node);
    }
    citeSelf(node, person.mentions);
  };

  const mapInitiative = (initiative: Initiative): void => {
    citeSelf(resource('initiative', initiative.key, [PG.Initiative, SCHEMA.CreativeWork], initiative.name), initiative.evidence);
  };

  const mapPlace = (place: Place): NamedNode => {
    const node = resource('place', place.key, [PG.Place, SCHEMA.Place], place.name);
    const address = resource('place', `${place.key}--address`, [SCHEMA.PostalAddress]);
    add(node, SCHEMA.address, address);
    add(address, SCHEMA.streetAddress, text(place.streetAddress));
    add(address, SCHEMA.addressLocality, text(place.city));
    add(address, SCHEMA.addressCountry, text(place.country));
    sameAs(node, place.sameAs);
    citeSelf(node, [place.evidence]);
    return node;
  };

  const mapSession = (event: NamedNode, session: Session): void => {
    const node = resource('session', session.key, [PG.Session, SCHEMA.Event], session.name);
    add(node, SCHEMA.description, text(session.description));
    add(node, PG.position, integer(session.position));
    add(node, SCHEMA.superEvent, event);
    add(event, SCHEMA.subEvent, node);
    citeSelf(node, [session.nameEvidence]);
    for (const participation of session.participations) {
      const person = mint('person', participation.personKey);
      const role = ROLE_TERMS[participation.role];
      const participationNode = resource('participation', `${session.key}--${participation.personKey}--${participation.role}`, [PG.Participation]);
      add(node, PG.participation, participationNode);
      add(participationNode, PG.participant, person);
      add(participationNode, PG.role, role);
      cite(participationNode, participation.evidence, person);
      if (participation.role === 'moderator') add(node, PG.moderator, person);
      if (participation.role === 'speaker') add(node, PG.speaker, person);
      if (participation.role === 'moderator' || participation.role === 'speaker') add(node, SCHEMA.performer, person);
    }
    link(node, SCHEMA.mentions, 'person', session.personMentions);
    link(node, SCHEMA.mentions, 'org', session.organisationMentions);
    link(node, PG.initiative, 'initiative', session.initiativeMentions);
    for (const link of session.themes) {
      const concept = factory.namedNode(link.conceptIri);
      add(node, PG.theme, concept);
      cite(node, link.evidence, concept);
    }
  };

  const mapSection = (event: NamedNode, section: SectionReport): void => {
    const node = resource('section', section.key, [PG.SessionReport, SCHEMA.Report]);
    add(node, PG.position, integer(section.position));
    add(node, SCHEMA.isPartOf, source);
    add(node, PROV.wasDerivedFrom, source);
    add(node, SCHEMA.about, section.sessionKey === undefined ? event : mint('session', section.sessionKey));
    if (section.reporterKey !== undefined) {
      add(node, SCHEMA.author, mint('person', section.reporterKey));
    }
    citeSelf(node, [section.evidence]);
  };

  const mapEvent = (event: EventModel): void => {
    const node = resource('event', event.key, [PG.Event, SCHEMA.Event], event.name);
    add(node, SCHEMA.startDate, date(event.startDate));
    add(node, SCHEMA.endDate, date(event.endDate));
    add(node, SCHEMA.description, text(event.description));
    add(node, PG.themeStatement, text(event.themeLine));
    add(source, SCHEMA.about, node);
    citeSelf(node, [event.nameEvidence]);
    if (event.place !== undefined) add(node, SCHEMA.location, mapPlace(event.place));
    link(node, SCHEMA.organizer, 'org', event.organisers);
    link(node, SCHEMA.mentions, 'person', event.personMentions);
    for (const session of event.sessions) mapSession(node, session);
    for (const section of event.sections) mapSection(node, section);
  };

  mapSource();
  model.organisations.forEach(mapOrganisation);
  model.people.forEach(mapPerson);
  model.initiatives.forEach(mapInitiative);
  mapEvent(model.event);
  return quads;
}
