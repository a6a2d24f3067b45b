/**
 * The statistics graph: aggregates users ask often, counted once from the facts at the end of a
 * build and written as statistics.nt, because counting them at query time joins every session of
 * the corpus (seconds at 10,000 reports). Each pair of themes discussed in the same sessions is a
 * pg:ThemePair, each pair of organisations whose people spoke or moderated in the same sessions a
 * pg:OrganisationPair, with its two pg:pairMember and its pg:sessionCount; each theme discussed
 * has its own pg:sessionCount. The bundled queries themes-co-occurring, organisations-co-appearing
 * and sessions-per-theme read them, and queries/from-facts/ holds the same tables counted from the
 * facts, for a triple store without this graph.
 *
 * They are the counts of queries/from-facts/*.rq (test/stats/statistics.test.ts checks them against
 * those, run by Comunica), tallied here from the few kinds of triples they read: graph.nt is scanned
 * for those lines (as a one-shot query loads), which are parsed and counted in maps. Running the
 * SPARQL in Oxigraph instead cost three times the CPU at 10,000 reports (11 s against 3.5 s), most
 * of it loading the 490k triples into its indexes.
 */
import { Parser } from 'n3';
import { factory } from '../rdf/factory.js';
import type { Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import type { GraphScope } from '../query/graph-scope.js';
import { LineSelector } from '../query/line-selector.js';
import { toNTriples } from '../rdf-io/serialise.js';
import { normaliseBase } from '../rdf/iri.js';
import { PG, RDF, SCHEMA, XSD } from '../rdf/vocab.js';

/** The facts as N-Triples: their length, and `length` bytes from `offset`. */
export interface Facts {
  readonly bytes: number;
  readonly read: (offset: number, length: number) => Promise<Uint8Array>;
}

const CHUNK_BYTES = 8 * 1024 * 1024;
const ntriplesIri = (term: NamedNode): string => `<${term.value}>`;

/** What the statistics read of the facts. */
const SCOPE: GraphScope = {
  everything: false,
  predicates: new Set([PG.theme, SCHEMA.performer, SCHEMA.affiliation].map(ntriplesIri)),
  classes: new Set([ntriplesIri(PG.Session)]),
  named: false,
};

/** Sessions, and what the facts say of them and of their performers. */
interface Tally {
  readonly sessions: Set<string>;
  /** Subject key to the IRIs of its pg:theme, schema:performer, schema:affiliation objects. */
  readonly themes: Map<string, Set<string>>;
  readonly performers: Map<string, Set<string>>;
  readonly affiliations: Map<string, Set<string>>;
}

/** A subject's key: blank nodes apart from IRIs. */
const key = (term: Term): string => `${term.termType === 'BlankNode' ? '_:' : ''}${term.value}`;

function add(map: Map<string, Set<string>>, subject: string, value: string): void {
  const values = map.get(subject);
  if (values === undefined) map.set(subject, new Set([value]));
  else values.add(value);
}

function tallyQuad(tally: Tally, quad: Quad): void {
  const [subject, predicate, object] = [key(quad.subject), quad.predicate.value, quad.object];
  if (predicate === RDF.type.value) {
    if (object.equals(PG.Session)) tally.sessions.add(subject);
    return;
  }
  const map = predicate === PG.theme.value ? tally.themes
    : predicate === SCHEMA.performer.value ? tally.performers
      : predicate === SCHEMA.affiliation.value ? tally.affiliations : undefined;
  // Pairs are of IRIs (themes, organisations); a performer may be any node.
  if (map === tally.performers) add(map, subject, key(object));
  else if (map !== undefined && object.termType === 'NamedNode') add(map, subject, object.value);
}

/** The lines of the facts in scope (a line the selector cannot tell is kept too), parsed and tallied. */
async function tallyFacts(facts: Facts): Promise<Tally> {
  const tally: Tally = { sessions: new Set(), themes: new Map(), performers: new Map(), affiliations: new Map() };
  const selector = new LineSelector(SCOPE);
  const parse = (lines: Buffer | undefined): void => {
    if (lines !== undefined) for (const quad of new Parser({ format: 'N-Triples', factory }).parse(lines.toString('utf8'))) tallyQuad(tally, quad);
  };
  for (let offset = 0; offset < facts.bytes; offset += CHUNK_BYTES) {
    parse(selector.select(await facts.read(offset, Math.min(CHUNK_BYTES, facts.bytes - offset))));
  }
  parse(selector.end());
  return tally;
}

/** An unordered pair of IRIs (a < b) and the sessions it is found in. */
interface PairCount {
  readonly a: string;
  readonly b: string;
  sessions: number;
}

/** The pairs of each session's members, each session counted once per pair. */
function pairCounts(membersOfSessions: Iterable<ReadonlySet<string>>): PairCount[] {
  const counts = new Map<string, PairCount>();
  for (const members of membersOfSessions) {
    const sorted = [...members].sort();
    sorted.forEach((a, index) => {
      for (const b of sorted.slice(index + 1)) {
        const pair = `${a} ${b}`;
        const known = counts.get(pair);
        if (known === undefined) counts.set(pair, { a, b, sessions: 1 });
        else known.sessions += 1;
      }
    });
  }
  return [...counts.values()];
}

const NONE: ReadonlySet<string> = new Set();
const localName = (iri: string): string => iri.slice(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
const count = (sessions: number): Literal => factory.literal(String(sessions), XSD.integer);

/**
 * The statistics of the facts, as sorted N-Triples: the same facts give the same bytes. A pair's
 * IRI is made of its members' last path segments (a theme's or an organisation's slug), so it
 * reads as what it counts.
 */
export async function statisticsOf(facts: Facts, base: string): Promise<string> {
  const { sessions, themes, performers, affiliations } = await tallyFacts(facts);
  const themesOf = (session: string): ReadonlySet<string> => themes.get(session) ?? NONE;
  // The organisations a session's performers are affiliated with, each once.
  const organisationsOf = (session: string): ReadonlySet<string> =>
    new Set([...performers.get(session) ?? NONE].flatMap((person) => [...affiliations.get(person) ?? NONE]));
  // Not a kind of resource of the report graphs (its Turtle prefix would join every graph file).
  const namespace = `${normaliseBase(base)}statistic/`;
  const quads: Quad[] = [];
  const pairs: ReadonlyArray<readonly [NamedNode, string, PairCount[]]> = [
    [PG.ThemePair, 'themes', pairCounts([...sessions].map(themesOf))],
    [PG.OrganisationPair, 'organisations', pairCounts([...sessions].map(organisationsOf))],
  ];
  for (const [type, prefix, counts] of pairs) {
    for (const { a, b, sessions: sessionCount } of counts) {
      const node = factory.namedNode(`${namespace}${prefix}-${localName(a)}--${localName(b)}`);
      quads.push(
        factory.quad(node, RDF.type, type),
        factory.quad(node, PG.pairMember, factory.namedNode(a)),
        factory.quad(node, PG.pairMember, factory.namedNode(b)),
        factory.quad(node, PG.sessionCount, count(sessionCount)),
      );
    }
  }
  const perTheme = new Map<string, number>();
  for (const session of sessions) for (const theme of themesOf(session)) perTheme.set(theme, (perTheme.get(theme) ?? 0) + 1);
  for (const [theme, sessionCount] of perTheme) quads.push(factory.quad(factory.namedNode(theme), PG.sessionCount, count(sessionCount)));
  return toNTriples(quads);
}
