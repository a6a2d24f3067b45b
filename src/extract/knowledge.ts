/**
 * The curated knowledge extraction resolves text against: the organisation gazetteer, the theme
 * scheme, named initiatives and places. Loaded once per build from the project's files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadIdentityRules, type IdentityRules } from './identity.js';
import { Parser } from 'n3';
import { factory } from '../rdf/factory.js';
import type { Quad } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import { localName } from '../rdf/iri.js';

export interface KnownOrganisation {
  readonly key: string;
  readonly name: string;
  readonly acronyms: readonly string[];
  readonly aliases: readonly string[];
  readonly parentKey?: string;
  readonly sameAs: readonly string[];
  /** schema:url: the organisation's own website. */
  readonly url?: string;
}

export interface ThemeConcept {
  readonly iri: string;
  readonly prefLabel: string;
  /** Preferred and alternative labels, matched as whole words. */
  readonly labels: readonly string[];
}

export interface KnownInitiative {
  readonly key: string;
  readonly name: string;
  readonly labels: readonly string[];
}

export interface Knowledge {
  readonly organisations: readonly KnownOrganisation[];
  /** Normalised name or alias -> organisation. */
  readonly organisationsByName: ReadonlyMap<string, KnownOrganisation>;
  /** Acronym (exact case) -> organisation. */
  readonly organisationsByAcronym: ReadonlyMap<string, KnownOrganisation>;
  readonly themes: readonly ThemeConcept[];
  readonly initiatives: readonly KnownInitiative[];
  /** Place key ("geneva-switzerland") -> sameAs IRIs. */
  readonly placeSameAs: ReadonlyMap<string, readonly string[]>;
  /** The user's decisions on who is who (data/people-identity.tsv). */
  readonly identity: IdentityRules;
}

/** Lower case, no leading "the", single spaces, "&" as "and": how names are compared. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/&/g, 'and').replace(/[’']/g, "'").replace(/\s+/g, ' ').replace(/^the /, '').trim();
}

async function parse(path: string): Promise<Quad[]> {
  try {
    return new Parser({ baseIRI: path, factory }).parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

/** subject -> predicate -> values, for the small curated files. */
function index(quads: readonly Quad[]): Map<string, Map<string, string[]>> {
  const subjects = new Map<string, Map<string, string[]>>();
  for (const quad of quads) {
    const predicates = subjects.get(quad.subject.value) ?? new Map<string, string[]>();
    predicates.set(quad.predicate.value, [...(predicates.get(quad.predicate.value) ?? []), quad.object.value]);
    subjects.set(quad.subject.value, predicates);
  }
  return subjects;
}

const SCHEMA = (name: string) => `${NS.schema}${name}`;

export async function loadKnowledge(projectRoot: string): Promise<Knowledge> {
  const [organisationQuads, themeQuads, initiativeQuads, placeQuads] = await Promise.all([
    parse(join(projectRoot, 'data', 'organisations.ttl')),
    parse(join(projectRoot, 'ontology', 'themes.ttl')),
    parse(join(projectRoot, 'data', 'initiatives.ttl')),
    parse(join(projectRoot, 'data', 'places.ttl')),
  ]);

  const organisations: KnownOrganisation[] = [...index(organisationQuads)]
    .filter(([, predicates]) => predicates.has(SCHEMA('name')))
    .map(([iri, predicates]) => ({
      key: localName(iri),
      name: predicates.get(SCHEMA('name'))![0]!,
      acronyms: predicates.get(SCHEMA('alternateName')) ?? [],
      aliases: predicates.get(`${NS.pg}alias`) ?? [],
      parentKey: predicates.get(SCHEMA('parentOrganization'))?.map(localName)[0],
      sameAs: predicates.get(`${NS.owl}sameAs`) ?? [],
      url: predicates.get(SCHEMA('url'))?.[0],
    }));
  const organisationsByName = new Map<string, KnownOrganisation>();
  const organisationsByAcronym = new Map<string, KnownOrganisation>();
  for (const organisation of organisations) {
    for (const name of [organisation.name, ...organisation.aliases]) organisationsByName.set(normaliseName(name), organisation);
    for (const acronym of organisation.acronyms) organisationsByAcronym.set(acronym, organisation);
  }

  const themes: ThemeConcept[] = [...index(themeQuads)]
    .filter(([, predicates]) => predicates.has(`${NS.skos}prefLabel`) && predicates.get(`${NS.rdf}type`)?.includes(`${NS.skos}Concept`))
    .map(([iri, predicates]) => {
      const prefLabel = predicates.get(`${NS.skos}prefLabel`)![0]!;
      return { iri, prefLabel, labels: [prefLabel, ...(predicates.get(`${NS.skos}altLabel`) ?? [])] };
    })
    .sort((a, b) => (a.iri < b.iri ? -1 : 1));

  const initiatives: KnownInitiative[] = [...index(initiativeQuads)]
    .filter(([, predicates]) => predicates.has(SCHEMA('name')))
    .map(([iri, predicates]) => ({
      key: localName(iri),
      name: predicates.get(SCHEMA('name'))![0]!,
      labels: [...predicates.get(SCHEMA('name'))!, ...(predicates.get(SCHEMA('alternateName')) ?? [])],
    }));

  const identity = await loadIdentityRules(join(projectRoot, 'data', 'people-identity.tsv'));
  const placeSameAs = new Map([...index(placeQuads)].map(([iri, predicates]) => [localName(iri), predicates.get(`${NS.owl}sameAs`) ?? []]));
  return { organisations, organisationsByName, organisationsByAcronym, themes, initiatives, placeSameAs, identity };
}
