/**
 * Pushes the built graph to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol, one
 * named graph per source report. Graph Store writes are not transactional in every store
 * (Virtuoso can leave a failed PUT's graph empty or half filled), so each graph goes to a staging
 * graph first, is counted back, and only then replaces the target with SPARQL Update MOVE.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { fetchWithAuth, type Credentials } from './auth.js';
import { toNTriples } from '../write/serialise.js';

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
  readonly triples: number;
}

export class StoreError extends Error {}

/** The named graphs of a TriG file, each renamed under graphBase with its last path segment. */
export async function graphsFromTriG(path: string, graphBase: string): Promise<GraphPayload[]> {
  const quads = new Parser({ format: 'TriG' }).parse(await readFile(path, 'utf8'));
  const byGraph = new Map<string, Quad[]>();
  for (const quad of quads) {
    if (quad.graph.termType !== 'NamedNode') {
      throw new StoreError(`${path}: triples outside a named graph; push expects peacegraph's graph.trig`);
    }
    const group = byGraph.get(quad.graph.value) ?? [];
    group.push(quad);
    byGraph.set(quad.graph.value, group);
  }
  const payloads: GraphPayload[] = [];
  for (const [graph, group] of [...byGraph].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ntriples = toNTriples(group);
    const localName = graph.slice(Math.max(graph.lastIndexOf('/'), graph.lastIndexOf('#')) + 1);
    payloads.push({ graph: `${graphBase}${localName}`, ntriples, triples: ntriples.split('\n').filter(Boolean).length });
  }
  return payloads;
}

function graphUrl(target: StoreTarget, graph: string): string {
  const url = new URL(target.gsp);
  url.searchParams.set('graph', graph);
  return url.href;
}

async function expectOk(response: Response, action: string): Promise<void> {
  if (response.ok) return;
  const body = (await response.text()).replace(/\s+/g, ' ').trim().slice(0, 300);
  const hint = response.status === 401 ? ' (wrong user or password?)' : '';
  throw new StoreError(`${action}: HTTP ${response.status} ${response.statusText}${hint}${body ? `: ${body}` : ''}`);
}

async function send(url: string, init: RequestInit & { body?: string }, credentials: Credentials | undefined, action: string): Promise<Response> {
  try {
    return await fetchWithAuth(url, init, credentials);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new StoreError(`${action}: cannot reach ${new URL(url).origin} (${cause})`);
  }
}

/** Number of triples in a graph of the store, read back over the Graph Store Protocol. */
export async function countGraph(target: StoreTarget, graph: string): Promise<number> {
  const response = await send(graphUrl(target, graph), { headers: { accept: 'application/n-triples' } }, target.credentials, `reading <${graph}>`);
  if (response.status === 404) return 0;
  await expectOk(response, `reading <${graph}>`);
  return new Parser({ format: 'N-Triples' }).parse(await response.text()).length;
}

async function putGraph(target: StoreTarget, graph: string, ntriples: string): Promise<void> {
  const response = await send(graphUrl(target, graph), {
    method: 'PUT', body: ntriples, headers: { 'content-type': 'application/n-triples' },
  }, target.credentials, `uploading <${graph}>`);
  await expectOk(response, `uploading <${graph}>`);
}

async function deleteGraph(target: StoreTarget, graph: string): Promise<void> {
  const response = await send(graphUrl(target, graph), { method: 'DELETE' }, target.credentials, `deleting <${graph}>`);
  if (response.status !== 404) await expectOk(response, `deleting <${graph}>`);
}

async function update(target: StoreTarget & { update: string }, text: string): Promise<void> {
  const response = await send(target.update, {
    method: 'POST', body: text, headers: { 'content-type': 'application/sparql-update' },
  }, target.credentials, 'SPARQL update');
  await expectOk(response, `SPARQL update ${text}`);
}

/** Pushes one graph; on any failure the target graph keeps its previous content. */
export async function pushGraph(target: StoreTarget, payload: GraphPayload): Promise<void> {
  if (target.update === undefined) {
    await putGraph(target, payload.graph, payload.ntriples);
    return;
  }
  const staging = `${payload.graph}-staging-${randomBytes(6).toString('hex')}`;
  try {
    await putGraph(target, staging, payload.ntriples);
    const staged = await countGraph(target, staging);
    if (staged !== payload.triples) {
      throw new StoreError(`staging graph <${staging}> holds ${staged} triples, ${payload.triples} were sent: target left untouched`);
    }
    await update({ ...target, update: target.update }, `MOVE GRAPH <${staging}> TO GRAPH <${payload.graph}>`);
  } catch (error) {
    await deleteGraph(target, staging).catch(() => undefined);
    throw error;
  }
}

export interface PushReport {
  readonly graph: string;
  readonly triples: number;
}

export async function pushAll(target: StoreTarget, payloads: readonly GraphPayload[]): Promise<PushReport[]> {
  const pushed: PushReport[] = [];
  for (const payload of payloads) {
    await pushGraph(target, payload);
    pushed.push({ graph: payload.graph, triples: payload.triples });
  }
  return pushed;
}
