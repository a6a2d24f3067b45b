/**
 * What a user's tools read from a built graph, through the public RDF contract only (schema.org,
 * W3C ORG, SKOS, RDFS, FOAF and pg: IRIs, never peacegraph's internal model), as the independent
 * scorer (score.py, score2.py) reads it: people with their organisations and parent organisations,
 * organisation labels, moderators, and the start dates of top-level events.
 */
import type { Term } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import { factory } from '../rdf/factory.js';
import { normaliseName } from './normalise.js';
import { termKey, type GraphIndex } from './graph-index.js';

/** schema.org terms are read in both namespaces, http first (the order decides "first name"). */
function schema(...localNames: readonly string[]): string[] {
  return localNames.flatMap((localName) => [`http://schema.org/${localName}`, `https://schema.org/${localName}`]);
}

const RDF_TYPE = `${NS.rdf}type`;
const PERSON = schema('Person');
const EVENT = schema('Event');
const NAME = schema('name');
const JOB_TITLE = schema('jobTitle');
const AFFILIATION = schema('affiliation', 'worksFor', 'memberOf');
const SCHEMA_PARENT = schema('parentOrganization');
const ORG_PARENT = `${NS.org}subOrganizationOf`;
const ORG_MEMBER = `${NS.org}member`;
const ORG_ORGANIZATION = `${NS.org}organization`;
const ORG_MEMBER_OF = `${NS.org}memberOf`;
const SUPER_EVENT = schema('superEvent');
const START_DATE = schema('startDate');
const LABEL = [
  ...schema('name', 'alternateName'), `${NS.skos}prefLabel`, `${NS.skos}altLabel`, `${NS.rdfs}label`,
  `${NS.foaf}name`, `${NS.org}identifier`, `${NS.skos}notation`,
];
const PG_ROLE = `${NS.pg}role`;
const PG_MODERATOR_ROLE = `${NS.pg}ModeratorRole`;
const PG_PARTICIPANT = `${NS.pg}participant`;
const PG_MODERATOR = `${NS.pg}moderator`;

/** Distinct terms, first occurrence kept. */
function distinct(terms: readonly Term[]): Term[] {
  return [...new Map(terms.map((term) => [termKey(term), term])).values()];
}

/** Subjects typed with any of `types`. */
function typed(index: GraphIndex, types: readonly string[]): Term[] {
  return distinct(types.flatMap((type) => index.subjects(RDF_TYPE, factory.namedNode(type))));
}

/** A person as the contract shows them. */
export interface ContractPerson {
  readonly node: Term;
  /** The first name, as written, and normalised. */
  readonly name: string;
  readonly key: string;
  /** Per organisation the person is affiliated with: it, then its parent, grandparent, ... */
  readonly organisationChains: readonly (readonly Term[])[];
}

/**
 * Organisations a person is affiliated with: schema:affiliation/worksFor/memberOf (through a
 * schema:Role node when the value has affiliations of its own), org:Membership and org:memberOf;
 * each followed up its first parent (schema:parentOrganization, then org:subOrganizationOf).
 */
export function organisationChains(index: GraphIndex, person: Term): Term[][] {
  const direct: Term[] = [];
  for (const value of index.objects(person, AFFILIATION)) {
    const throughRole = index.objects(value, AFFILIATION);
    direct.push(...(throughRole.length > 0 ? throughRole : [value]));
  }
  for (const membership of index.subjects(ORG_MEMBER, person)) direct.push(...index.objects(membership, [ORG_ORGANIZATION]));
  direct.push(...index.objects(person, [ORG_MEMBER_OF]));
  return distinct(direct).map((organisation) => {
    const chain: Term[] = [];
    const seen = new Set<string>();
    let current: Term | undefined = organisation;
    while (current !== undefined && !seen.has(termKey(current))) {
      seen.add(termKey(current));
      chain.push(current);
      current = index.objects(current, [...SCHEMA_PARENT, ORG_PARENT])[0];
    }
    return chain;
  });
}

/** Normalised labels of an organisation (empty ones dropped). */
export function organisationLabels(index: GraphIndex, organisation: Term): Set<string> {
  return new Set(index.objects(organisation, LABEL).map((label) => normaliseName(label.value)).filter((label) => label !== ''));
}

/** A label to show for an organisation: its first label as written, else its IRI. */
export function organisationDisplayName(index: GraphIndex, organisation: Term): string {
  return index.objects(organisation, LABEL)[0]?.value ?? organisation.value;
}

/**
 * schema:Person nodes with a name and a job title or an organisation (the gold lists exactly
 * those); people named without either are neither rewarded nor penalised.
 */
export function contractPeople(index: GraphIndex): ContractPerson[] {
  const people: ContractPerson[] = [];
  for (const node of typed(index, PERSON)) {
    const name = index.objects(node, NAME)[0];
    if (name === undefined) continue;
    const organisationChainsOfNode = organisationChains(index, node);
    if (index.objects(node, JOB_TITLE).length === 0 && organisationChainsOfNode.length === 0) continue;
    people.push({ node, name: name.value, key: normaliseName(name.value), organisationChains: organisationChainsOfNode });
  }
  return people;
}

/** Normalised name -> a name as written: every participant in a moderator role, and every pg:moderator. */
export function moderatorNames(index: GraphIndex): Map<string, string> {
  const people = [
    ...index.subjects(PG_ROLE, factory.namedNode(PG_MODERATOR_ROLE))
      .flatMap((participation) => index.objects(participation, [PG_PARTICIPANT])),
    ...index.objectsOf(PG_MODERATOR),
  ];
  const names = new Map<string, string>();
  for (const person of people) {
    for (const name of index.objects(person, NAME)) {
      const key = normaliseName(name.value);
      if (!names.has(key)) names.set(key, name.value);
    }
  }
  return names;
}

/** The day (first 10 characters of schema:startDate) of every schema:Event that is no sub-event. */
export function topLevelStartDays(index: GraphIndex): Set<string> {
  const days = new Set<string>();
  for (const event of typed(index, EVENT)) {
    if (index.objects(event, SUPER_EVENT).length > 0) continue;
    for (const date of index.objects(event, START_DATE)) days.add([...date.value].slice(0, 10).join(''));
  }
  return days;
}
