/**
 * Pushes the built graph to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol, one
 * named graph per source report, so that a push can be repeated until the store holds exactly the
 * local graphs. Each target graph is read first and compared with the local one (triple count and a
 * content hash, graph-digest.ts): an equal graph is left alone, a different or missing one is sent.
 * Graph Store writes are not transactional in every store (Virtuoso can leave a failed PUT's graph
 * empty or half filled), so with an update endpoint each graph goes to a staging graph, is read back
 * and compared, and only then replaces the target with SPARQL Update MOVE; the target is read back
 * once more, because a store may lose an acknowledged MOVE when it crashes (Virtuoso before a
 * checkpoint): such a graph is found and repaired by the next push.
 */
import { readFile } from 'node:fs/promises';
import { Parser } from 'n3';
import { factory } from '../rdf/factory.js';
import type { Quad } from '@rdfjs/types';
import { AuthSession, type Credentials } from './auth.js';
import { graphDigest, sameDigest, type GraphDigest } from './graph-digest.js';
import { toNTriples } from '../rdf-io/serialise.js';
import { localName } from '../rdf/iri.js';

export interface StoreTarget {
  /** Graph Store Protocol endpoint, e.g. Virtuoso's http://host:8890/sparql-graph-crud-auth. */
  readonly gsp: string;
  /** SPARQL Update endpoint for MOVE; without it graphs are PUT directly (not crash-safe). */
  readonly update?: string;
  readonly credentials?: Credentials;
}

export interface GraphPayload {
  readonly graph: string;
  readonly ntriples: string;
  readonly digest: GraphDigest;
}

export class StoreError extends Error {}

/** The store could not be reached at all: the graphs after this one are not tried. */
export class StoreUnreachable extends StoreError {}

/** Characters an IRI may not hold (RFC 3987), which would also break out of `<...>` in an update. */
const NOT_IN_IRI = /[\s<>"{}|\\^`]/u;

/** `--graph-base` as an absolute IRI, or a StoreError saying why not. */
export function checkGraphBase(base: string): string {
  let scheme: string | undefined;
  try {
    scheme = new URL(base).protocol;
  } catch {
    scheme = undefined;
  }
  if (scheme === undefined || !/^[a-z][a-z0-9+.-]*:$/i.test(scheme) || NOT_IN_IRI.test(base)) {
    throw new StoreError(`--graph-base ${JSON.stringify(base)} is not an absolute IRI (e.g. https://example.org/graph/): graphs are named by it`);
  }
  return base;
}

/**
 * The named graphs of TriG files, each renamed under graphBase with its last path segment; a graph
 * in several files (the facts in graph.trig, their evidence in evidence.trig) is one payload.
 */
export async function graphsFromTriG(paths: readonly string[], graphBase: string): Promise<GraphPayload[]> {
  checkGraphBase(graphBase);
  const byGraph = new Map<string, Quad[]>();
  for (const path of paths) {
    for (const quad of new Parser({ format: 'TriG', factory }).parse(await readFile(path, 'utf8'))) {
      if (quad.graph.termType !== 'NamedNode') {
        throw new StoreError(`${path}: triples outside a named graph; push expects peacegraph's graph.trig and evidence.trig`);
      }
      const group = byGraph.get(quad.graph.value) ?? [];
      group.push(quad);
      byGraph.set(quad.graph.value, group);
    }
  }
  const payloads: GraphPayload[] = [];
  for (const [graph, group] of [...byGraph].sort(([a], [b]) => (a < b ? -1 : 1))) {
    payloads.push({ graph: `${graphBase}${localName(graph)}`, ntriples: toNTriples(group), digest: graphDigest(group) });
  }
  return payloads;
}

/**
 * The statistics graph of a build (statistics.nt, the aggregates the bundled queries read) as the
 * graph `statistics` under graphBase; none when the build has no such file.
 */
export async function statisticsGraph(path: string, graphBase: string): Promise<GraphPayload[]> {
  checkGraphBase(graphBase);
  const ntriples = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return ntriples === undefined ? [] : [payloadOf(`${graphBase}statistics`, ntriples)];
}

/** A payload from N-Triples text (tests, and callers holding text). */
export function payloadOf(graph: string, ntriples: string): GraphPayload {
  return { graph, ntriples, digest: graphDigest(new Parser({ format: 'N-Triples', factory }).parse(ntriples)) };
}

/** One store, with one authentication session for all requests (challenges answered up front). */
export class StoreClient {
  private readonly session: AuthSession;

  constructor(readonly target: StoreTarget) {
    this.session = new AuthSession(target.credentials);
  }

  private graphUrl(graph: string): string {
    const url = new URL(this.target.gsp);
    url.searchParams.set('graph', graph);
    return url.href;
  }

  private async send(url: string, init: RequestInit & { body?: string }, action: string): Promise<Response> {
    let response: Response;
    try {
      response = await this.session.fetch(url, init);
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      // A store may refuse a request (401) and close the connection before reading its body: the
      // sender then sees a broken connection. Asked without a body, the store tells why.
      if (init.body !== undefined) await this.refusal(url, action);
      throw new StoreUnreachable(`${action}: cannot reach ${new URL(url).origin} (${cause})`);
    }
    if (response.ok || (response.status === 404 && (init.method ?? 'GET') !== 'PUT')) return response;
    throw await refused(response, action);
  }

  /** Throws the store's refusal of `url` asked without a body (401 or 403), if it refuses. */
  private async refusal(url: string, action: string): Promise<void> {
    const response = await this.session.fetch(url, { method: 'GET' }).catch(() => undefined);
    if (response === undefined) return;
    if (response.status === 401 || response.status === 403) throw await refused(response, action);
    await response.arrayBuffer().catch(() => undefined);
  }

  /** What a graph of the store holds (a missing graph holds nothing). */
  async digest(graph: string): Promise<GraphDigest> {
    const action = `reading <${graph}>`;
    const response = await this.send(this.graphUrl(graph), { headers: { accept: 'application/n-triples' } }, action);
    const text = response.status === 404 ? '' : await response.text().catch((error: unknown) => {
      throw new StoreUnreachable(`${action}: the connection broke (${(error as Error).message})`);
    });
    return graphDigest(new Parser({ format: 'N-Triples', factory }).parse(text));
  }

  async put(graph: string, ntriples: string): Promise<void> {
    const response = await this.send(this.graphUrl(graph), { method: 'PUT', body: ntriples, headers: { 'content-type': 'application/n-triples' } }, `uploading <${graph}>`);
    await response.arrayBuffer();
  }

  async delete(graph: string): Promise<void> {
    await (await this.send(this.graphUrl(graph), { method: 'DELETE' }, `deleting <${graph}>`)).arrayBuffer();
  }

  async move(from: string, to: string): Promise<void> {
    if (this.target.update === undefined) throw new StoreError('MOVE needs an update endpoint');
    for (const iri of [from, to]) if (NOT_IN_IRI.test(iri)) throw new StoreError(`<${iri}> is not an IRI: not sent`);
    const text = `MOVE GRAPH <${from}> TO GRAPH <${to}>`;
    const response = await this.send(this.target.update, { method: 'POST', body: text, headers: { 'content-type': 'application/sparql-update' } }, `SPARQL update ${text}`);
    await response.arrayBuffer();
  }

  /**
   * Virtuoso only: a checkpoint, so that what was moved survives a crash of the store (its
   * transaction log does not keep every MOVE: test/store/virtuoso-crash.test.ts). Needs dba rights.
   */
  async virtuosoCheckpoint(): Promise<void> {
    if (this.target.update === undefined) throw new StoreError('a checkpoint needs the update endpoint (--update)');
    const body = new URLSearchParams({ query: "SELECT (bif:exec('checkpoint') AS ?done) WHERE {}" }).toString();
    const response = await this.send(this.target.update, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/csv' } }, 'Virtuoso checkpoint');
    await response.arrayBuffer();
  }
}

/** The error for a store's answer that is not a success. */
async function refused(response: Response, action: string): Promise<StoreError> {
  const body = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 300);
  const hint = response.status === 401 ? ' (wrong user or password?)' : '';
  return new StoreError(`${action}: HTTP ${response.status} ${response.statusText}${hint}${body ? `: ${body}` : ''}`);
}

const digestText = (digest: GraphDigest): string => `${digest.triples} triples, hash ${digest.hash.slice(0, 12)}`;

/** Throws unless the store's graph is the payload. */
async function expectGraph(client: StoreClient, graph: string, expected: GraphDigest, when: string): Promise<void> {
  const held = await client.digest(graph);
  if (!sameDigest(held, expected)) {
    throw new StoreError(`<${graph}> ${when} holds ${digestText(held)}; ${digestText(expected)} were sent`);
  }
}

/**
 * Replaces one graph. The staging graph has a fixed name per graph, so a push interrupted between
 * upload and MOVE leaves one staging graph that the next push overwrites and moves, not a new one
 * per attempt. On a failure before MOVE the target keeps its previous content.
 */
export async function pushGraph(client: StoreClient, payload: GraphPayload): Promise<void> {
  if (client.target.update === undefined) {
    await client.put(payload.graph, payload.ntriples);
  } else {
    const staging = `${payload.graph}-staging`;
    try {
      await client.put(staging, payload.ntriples);
      await expectGraph(client, staging, payload.digest, 'staged for upload');
    } catch (error) {
      if (!(error instanceof StoreUnreachable)) await client.delete(staging).catch(() => undefined);
      throw error instanceof StoreUnreachable ? error : new StoreError(`${(error as Error).message}: target left untouched`);
    }
    await client.move(staging, payload.graph);
  }
  await expectGraph(client, payload.graph, payload.digest, 'after the upload');
}

export type GraphOutcome =
  | { readonly graph: string; readonly status: 'replaced' | 'unchanged'; readonly digest: GraphDigest }
  | { readonly graph: string; readonly status: 'differs'; readonly digest: GraphDigest; readonly held: GraphDigest }
  | { readonly graph: string; readonly status: 'failed'; readonly problem: string; readonly tried: boolean };

export interface PushOptions {
  /** Only compare: report the graphs that differ, send nothing. */
  readonly verifyOnly?: boolean;
  /** Virtuoso: checkpoint after the last graph was replaced (see StoreClient.virtuosoCheckpoint). */
  readonly virtuosoCheckpoint?: boolean;
  /** Called as each graph is done. */
  readonly onGraph?: (outcome: GraphOutcome) => void;
}

/**
 * Brings every target graph to its local content, sending only those that differ; goes on after a
 * graph fails, and stops when the store cannot be reached (the rest are reported failed, untried).
 */
export async function pushAll(target: StoreTarget, payloads: readonly GraphPayload[], options: PushOptions = {}): Promise<GraphOutcome[]> {
  const client = new StoreClient(target);
  const outcomes: GraphOutcome[] = [];
  const report = (outcome: GraphOutcome): void => {
    outcomes.push(outcome);
    options.onGraph?.(outcome);
  };
  let unreachable: string | undefined;
  for (const payload of payloads) {
    if (unreachable !== undefined) {
      report({ graph: payload.graph, status: 'failed', problem: `not tried: ${unreachable}`, tried: false });
      continue;
    }
    try {
      const held = await client.digest(payload.graph);
      if (sameDigest(held, payload.digest)) report({ graph: payload.graph, status: 'unchanged', digest: held });
      else if (options.verifyOnly) report({ graph: payload.graph, status: 'differs', digest: payload.digest, held });
      else {
        await pushGraph(client, payload);
        report({ graph: payload.graph, status: 'replaced', digest: payload.digest });
      }
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      if (error instanceof StoreUnreachable) unreachable = error.message;
      report({ graph: payload.graph, status: 'failed', problem: error.message, tried: true });
    }
  }
  if (options.virtuosoCheckpoint && unreachable === undefined && outcomes.some((outcome) => outcome.status === 'replaced')) {
    await client.virtuosoCheckpoint();
  }
  return outcomes;
}
