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
 * The counts come from the SPARQL below, run by Oxigraph over the triples it reads (graph.nt,
 * filtered to the predicates it names, as a one-shot query loads): a few seconds at 10,000 reports.
 */
import oxigraph from 'oxigraph';
import { DataFactory } from 'n3';
import type { Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import { graphScope, union } from '../query/graph-scope.js';
import { LineSelector } from '../query/load-store.js';
import { toNTriples } from '../rdf-io/serialise.js';
import { normaliseBase } from '../rdf/iri.js';
import { NS } from '../rdf/namespaces.js';
import { PG, RDF, XSD } from '../rdf/vocab.js';

/** One kind of pair: its class, the start of its nodes' keys, and the query counting it (?a < ?b, ?sessions). */
interface PairStatistic {
  readonly type: NamedNode;
  readonly key: string;
  readonly query: string;
}

const PREFIXES = `PREFIX pg: <${NS.pg}>\nPREFIX schema: <${NS.schema}>\n`;

const PAIR_STATISTICS: readonly PairStatistic[] = [
  {
    type: PG.ThemePair,
    key: 'themes',
    query: `${PREFIXES}SELECT ?a ?b (COUNT(DISTINCT ?s) AS ?sessions) WHERE {
  ?s a pg:Session ; pg:theme ?a , ?b .
  FILTER(STR(?a) < STR(?b))
} GROUP BY ?a ?b`,
  },
  {
    type: PG.OrganisationPair,
    key: 'organisations',
    // Each (session, organisation) once before pairing: far fewer rows than pairs of performers.
    query: `${PREFIXES}SELECT ?a ?b (COUNT(DISTINCT ?s) AS ?sessions) WHERE {
  { SELECT DISTINCT ?s ?a WHERE { ?s a pg:Session ; schema:performer/schema:affiliation ?a } }
  { SELECT DISTINCT ?s ?b WHERE { ?s a pg:Session ; schema:performer/schema:affiliation ?b } }
  FILTER(STR(?a) < STR(?b))
} GROUP BY ?a ?b`,
  },
];

/** Sessions per theme (?theme, ?sessions). */
const THEME_SESSIONS = `${PREFIXES}SELECT ?theme (COUNT(DISTINCT ?s) AS ?sessions) WHERE {
  ?s a pg:Session ; pg:theme ?theme .
} GROUP BY ?theme`;

/** What the statistics read of the facts. */
const SCOPE = [...PAIR_STATISTICS.map(({ query }) => query), THEME_SESSIONS].map(graphScope).reduce(union);

/** The facts as N-Triples: their length, and `length` bytes from `offset`. */
export interface Facts {
  readonly bytes: number;
  readonly read: (offset: number, length: number) => Promise<Uint8Array>;
}

/** Facts held in memory. */
export function factsOf(ntriples: string): Facts {
  const bytes = Buffer.from(ntriples, 'utf8');
  return { bytes: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

const CHUNK_BYTES = 8 * 1024 * 1024;

async function loadFacts(store: oxigraph.Store, facts: Facts): Promise<void> {
  const selector = new LineSelector(SCOPE);
  const kept: Buffer[] = [];
  for (let offset = 0; offset < facts.bytes; offset += CHUNK_BYTES) {
    kept.push(selector.select(await facts.read(offset, Math.min(CHUNK_BYTES, facts.bytes - offset))) ?? Buffer.alloc(0));
  }
  kept.push(selector.end() ?? Buffer.alloc(0));
  store.load(Buffer.concat(kept), { format: 'application/n-triples', lenient: false, no_transaction: true });
}

const localName = (iri: string): string => iri.slice(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);

function bound(row: Map<string, Term>, name: string, termType: Term['termType']): Term {
  const term = row.get(name);
  if (term?.termType !== termType) throw new Error(`statistics: ?${name} is not a ${termType} in ${JSON.stringify([...row])}`);
  return term;
}

const count = (row: Map<string, Term>): Literal => DataFactory.literal(bound(row, 'sessions', 'Literal').value, XSD.integer);

/**
 * The statistics of the facts, as sorted N-Triples: the same facts give the same bytes. A pair's
 * IRI is made of its members' last path segments (a theme's or an organisation's slug), so it
 * reads as what it counts.
 */
export async function statisticsOf(facts: Facts, base: string): Promise<string> {
  const store = new oxigraph.Store();
  await loadFacts(store, facts);
  // Not a kind of resource of the report graphs (its Turtle prefix would join every graph file).
  const namespace = `${normaliseBase(base)}statistic/`;
  const quads: Quad[] = [];
  for (const { type, key, query } of PAIR_STATISTICS) {
    const rows = store.query(query) as Map<string, Term>[];
    for (const row of rows) {
      const [a, b] = [bound(row, 'a', 'NamedNode'), bound(row, 'b', 'NamedNode')];
      const pair = DataFactory.namedNode(`${namespace}${key}-${localName(a.value)}--${localName(b.value)}`);
      quads.push(
        DataFactory.quad(pair, RDF.type, type),
        DataFactory.quad(pair, PG.pairMember, DataFactory.namedNode(a.value)),
        DataFactory.quad(pair, PG.pairMember, DataFactory.namedNode(b.value)),
        DataFactory.quad(pair, PG.sessionCount, count(row)),
      );
    }
  }
  for (const row of store.query(THEME_SESSIONS) as Map<string, Term>[]) {
    quads.push(DataFactory.quad(DataFactory.namedNode(bound(row, 'theme', 'NamedNode').value), PG.sessionCount, count(row)));
  }
  return toNTriples(quads);
}
