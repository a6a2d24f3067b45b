/**
 * Comunica, for what only it does well: one query over several sources at once (the built graph,
 * other RDF files, remote RDF documents and SPARQL endpoints). Imported lazily: loading it costs
 * ~0.4 s and creating the engine ~0.9 s, so one engine per process, only when needed.
 */
import { readFile } from 'node:fs/promises';
import { Store } from 'n3';
import { factory } from '../rdf/factory.js';
import oxigraph from 'oxigraph';
import type { Quad, Term, Variable } from '@rdfjs/types';
import type { QueryEngine } from '@comunica/query-sparql';
import type { QueryResult, Row } from './result.js';
import { rdfFormat, type GraphFiles, type RdfFile } from './rdf-files.js';
import { GRAPH_EXTENSIONS, readGraphFile } from '../rdf-io/read-graph.js';
import { extname } from 'node:path';
import { QueryTimeoutError } from './local.js';
import { QueryRefusedError, type ParsedQuery } from './sparql.js';
import { unionGraph } from '../rdf-io/serialise.js';

export type FederatedSource =
  | { readonly kind: 'quads'; readonly quads: readonly Quad[] }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'endpoint'; readonly url: string };

let engine: Promise<QueryEngine> | undefined;

function comunica(): Promise<QueryEngine> {
  engine ??= import('@comunica/query-sparql').then(({ QueryEngine }) => new QueryEngine());
  return engine;
}

/**
 * An RDF file as quads: the formats peacegraph writes through its own offline reader (a remote
 * JSON-LD @context is refused with its URL), anything else Oxigraph parses (RDF/XML).
 */
export async function readQuadsFile(path: string): Promise<Quad[]> {
  if ((GRAPH_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())) return readGraphFile(path);
  const parsed = oxigraph.parse(await readFile(path), { format: rdfFormat(path) });
  // Oxigraph's terms follow RDF/JS but live in WebAssembly memory: copy them into plain terms.
  return parsed.map((quad) => factory.fromQuad(quad as unknown as Parameters<typeof factory.fromQuad>[0]));
}

/**
 * The built graph as Comunica sources: its triples and statistics in the default graph (each once,
 * as in graph.nt) and its quads in their named graphs. Comunica's union default graph stays off, as
 * it would match a triple once per graph that states it.
 */
export async function graphSources(files: GraphFiles): Promise<FederatedSource[]> {
  const read = async (parts: ReadonlyArray<RdfFile | undefined>): Promise<Quad[]> =>
    (await Promise.all(parts.map((file) => (file === undefined ? [] : readQuadsFile(file.path))))).flat();
  const [triples, quads] = await Promise.all([read([files.triples, files.evidence?.triples, files.statistics]), read([files.quads, files.evidence?.quads])]);
  if (files.triples !== undefined) return [{ kind: 'quads', quads: [...triples, ...quads] }];
  // Quads alone: each triple of any graph once in the default graph too, beside the statistics.
  return [{ kind: 'quads', quads: [...unionGraph(quads), ...triples, ...quads] }];
}

/** "http(s)://..." is a remote document (Comunica sniffs endpoints too); anything else a local file. */
export async function sourceFor(location: string): Promise<FederatedSource> {
  if (/^https?:\/\//i.test(location)) return { kind: 'url', url: location };
  return { kind: 'quads', quads: await readQuadsFile(location) };
}

/**
 * No network unless asked: Comunica would call every SERVICE and fetch every FROM of the query
 * text, so those must name a source the user gave (--source, --endpoint) unless allowRemote.
 */
export function checkRemoteAccess(query: ParsedQuery, sources: readonly FederatedSource[], allowRemote: boolean): void {
  if (allowRemote) return;
  const named = new Set(sources.flatMap((source) => (source.kind === 'quads' ? [] : [source.url])));
  const reached: Array<[string, string]> = [
    ...query.services.map((iri): [string, string] => ['SERVICE', iri]),
    ...[...query.dataset.default, ...query.dataset.named].map((iri): [string, string] => ['FROM', iri]),
  ];
  const unnamed = reached.find(([, iri]) => !named.has(iri));
  if (unnamed === undefined) return;
  const [clause, iri] = unnamed;
  throw new QueryRefusedError(
    `${clause} ${iri.startsWith('?') ? iri : `<${iri}>`}: the query would make peacegraph read that address, which you did not name; ` +
    `name it with --source ${iri.startsWith('?') ? 'URL' : iri}, or allow any address with --allow-remote`, 'remote');
}

function comunicaSource(source: FederatedSource): Store | string | { type: 'sparql'; value: string } {
  switch (source.kind) {
    case 'quads': return new Store([...source.quads], { factory });
    case 'url': return source.url;
    case 'endpoint': return { type: 'sparql', value: source.url };
  }
}

function variableName(entry: Variable | { variable: Variable }): string {
  return 'variable' in entry ? entry.variable.value : entry.value;
}

async function evaluate(text: string, sources: readonly FederatedSource[]): Promise<QueryResult> {
  const queryEngine = await comunica();
  const context = { sources: sources.map(comunicaSource), unionDefaultGraph: false } as Parameters<QueryEngine['query']>[1];
  const result = await queryEngine.query(text, context);
  switch (result.resultType) {
    case 'boolean': return { kind: 'boolean', value: await result.execute() };
    case 'quads': return { kind: 'quads', quads: await (await result.execute()).toArray() };
    case 'bindings': {
      const metadata = await result.metadata();
      const variables = (metadata.variables as ReadonlyArray<Variable | { variable: Variable }>).map(variableName);
      const bindings = await (await result.execute()).toArray();
      const rows: Row[] = bindings.map((binding) => {
        const row: Record<string, Term> = {};
        for (const [variable, term] of binding) row[variable.value] = term;
        return row;
      });
      return { kind: 'bindings', variables, rows };
    }
    default: throw new Error('unsupported result type');
  }
}

export async function queryFederated(text: string, sources: readonly FederatedSource[], timeoutMs?: number): Promise<QueryResult> {
  if (timeoutMs === undefined) return evaluate(text, sources);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new QueryTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([evaluate(text, sources), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
