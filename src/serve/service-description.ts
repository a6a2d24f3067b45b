/**
 * The SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/) that
 * GET /sparql without a query answers: what the endpoint accepts and returns, and VoID counts of
 * its default graph. The counts are taken once (the graph does not change while served).
 */
import type { Quad, Quad_Object } from '@rdfjs/types';
import type { QueryResult } from '../query/result.js';
import { NS } from '../rdf/namespaces.js';
import { factory } from '../rdf/factory.js';
import { OFFERS, type ServedFormat } from './negotiate.js';

const { namedNode, blankNode, literal, quad } = factory;

export const SD_PREFIXES = {
  sd: 'http://www.w3.org/ns/sparql-service-description#',
  void: 'http://rdfs.org/ns/void#',
  formats: 'http://www.w3.org/ns/formats/',
  dct: NS.dct,
  rdf: NS.rdf,
  xsd: NS.xsd,
} as const;

const sd = (name: string) => namedNode(`${SD_PREFIXES.sd}${name}`);
const voidTerm = (name: string) => namedNode(`${SD_PREFIXES.void}${name}`);
const RDF_TYPE = namedNode(`${NS.rdf}type`);

/** W3C format IRIs of the formats that have one (the plain-text table has none). */
const FORMAT_IRIS: Partial<Record<ServedFormat, string>> = {
  json: 'SPARQL_Results_JSON', xml: 'SPARQL_Results_XML', csv: 'SPARQL_Results_CSV', tsv: 'SPARQL_Results_TSV',
  turtle: 'Turtle', ntriples: 'N-Triples', nquads: 'N-Quads', jsonld: 'JSON-LD', rdfxml: 'RDF_XML',
};

/** VoID figures of the default graph. */
export interface DatasetCounts {
  readonly triples: number;
  readonly distinctSubjects: number;
  readonly distinctObjects: number;
  readonly properties: number;
  readonly classes: number;
}

/** One aggregate per figure; DISTINCT triples because the default graph is the union of the named graphs. */
const COUNT_QUERIES: Readonly<Record<keyof DatasetCounts, string>> = {
  triples: 'SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }',
  distinctSubjects: 'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }',
  distinctObjects: 'SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }',
  properties: 'SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }',
  classes: `SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s <${NS.rdf}type> ?c }`,
};

/** Runs the count queries, one after the other, through the endpoint's own engine. */
export async function countDataset(run: (query: string) => Promise<QueryResult>): Promise<DatasetCounts> {
  const count = async (name: keyof DatasetCounts): Promise<number> => {
    const result = await run(COUNT_QUERIES[name]);
    const value = result.kind === 'bindings' ? Number(result.rows[0]?.n?.value) : Number.NaN;
    if (!Number.isInteger(value)) throw new Error(`the count of ${name} gave no number`);
    return value;
  };
  return {
    triples: await count('triples'),
    distinctSubjects: await count('distinctSubjects'),
    distinctObjects: await count('distinctObjects'),
    properties: await count('properties'),
    classes: await count('classes'),
  };
}

export interface ServiceDescriptionInput {
  /** Absolute IRI of the endpoint, e.g. http://127.0.0.1:7878/sparql. */
  readonly endpoint: string;
  readonly title: string;
  /** Absent when the counts could not be taken (e.g. they timed out). */
  readonly counts?: DatasetCounts;
}

export function serviceDescription(input: ServiceDescriptionInput): Quad[] {
  const service = namedNode(input.endpoint);
  const dataset = blankNode('dataset');
  const graph = blankNode('defaultGraph');
  const quads: Quad[] = [];
  const add = (subject: Quad['subject'], predicate: string | Quad['predicate'], object: Quad_Object) =>
    quads.push(quad(subject, typeof predicate === 'string' ? sd(predicate) : predicate, object));
  add(service, RDF_TYPE, sd('Service'));
  add(service, 'endpoint', service);
  add(service, 'supportedLanguage', sd('SPARQL11Query'));
  add(service, 'feature', sd('UnionDefaultGraph'));
  add(service, 'defaultEntailmentRegime', namedNode('http://www.w3.org/ns/entailment/Simple'));
  const formats = new Set([...OFFERS.table, ...OFFERS.graph].flatMap((offer) => FORMAT_IRIS[offer.format] ?? []));
  for (const format of formats) add(service, 'resultFormat', namedNode(`${SD_PREFIXES.formats}${format}`));
  add(service, namedNode(`${NS.dct}title`), literal(input.title));
  add(service, 'defaultDataset', dataset);
  add(dataset, RDF_TYPE, sd('Dataset'));
  add(dataset, 'defaultGraph', graph);
  add(graph, RDF_TYPE, sd('Graph'));
  add(graph, RDF_TYPE, voidTerm('Dataset'));
  if (input.counts !== undefined) {
    for (const [name, value] of Object.entries(input.counts)) {
      add(graph, voidTerm(name), literal(String(value), namedNode(`${NS.xsd}integer`)));
    }
  }
  return quads;
}
