/**
 * Answers on the engine's own thread, for requests a worker has shown to be fast. A request sent
 * to a worker wakes a sleeping thread, runs on a cold core and wakes the engine's thread again:
 * on this project's 2-core virtual machines that cost 0.3-0.5 ms and tripled a 0.1 ms Oxigraph
 * query, most of what a millisecond query takes. The graph never changes while it is served, so
 * the same request (text, parameters, cap, page, format) does the same work each time: one that a
 * worker answered from the facts' store within `maxMs` is answered here when asked again, from a
 * copy of that store. Every other request (asked for the first time, slower, reaching the named
 * graphs or the evidence, failed) goes to a worker, where a timeout can stop it.
 */
import oxigraph from 'oxigraph';
import { LazyGraph, type LoadProgress } from './load-store.js';
import { QueryAnswerer } from './query-answerer.js';
import { EVERYTHING } from './graph-scope.js';
import type { GraphFiles } from './rdf-files.js';
import type { AnsweredReply, WorkerRequest } from './oxigraph-protocol.js';

/** Requests remembered as fast; past this many, the oldest is forgotten. */
const MAX_REMEMBERED = 4096;

export class InlineAnswers {
  private readonly fast = new Set<string>();
  /** Set when a query failed here though it had not in a worker: the store may be corrupt, and nothing more runs here. */
  private stopped = false;
  private answeredCount = 0;

  private constructor(private readonly answerer: QueryAnswerer, private readonly maxMs: number) {}

  /**
   * A copy of the facts' store (the default graph's file and the statistics), loaded on this
   * thread; undefined when the graph has no default-graph file (its default graph is derived from
   * the named graphs, which are not copied).
   */
  static async load(files: GraphFiles, maxMs: number, onProgress?: (progress: LoadProgress) => void): Promise<InlineAnswers | undefined> {
    if (files.triples === undefined) return undefined;
    const graph = new LazyGraph(() => new oxigraph.Store(), { triples: files.triples, statistics: files.statistics }, onProgress);
    const answerer = new QueryAnswerer(graph, files);
    await answerer.load(() => graph.ensure({ ...EVERYTHING, named: false }));
    return new InlineAnswers(answerer, maxMs);
  }

  /** Requests answered here so far: for monitoring. */
  get answered(): number {
    return this.answeredCount;
  }

  /** Remembers a request whose worker's answer came from the facts' store within `maxMs`. */
  learn(request: WorkerRequest, reply: AnsweredReply): void {
    if (!reply.facts || reply.answerMs > this.maxMs) return;
    const key = requestKey(request);
    if (this.fast.has(key)) return;
    // Oldest first in a Set: dropping the first keeps the newest.
    if (this.fast.size >= MAX_REMEMBERED) this.fast.delete(this.fast.values().next().value!);
    this.fast.add(key);
  }

  /** The answer to a request remembered as fast; undefined for any other, which goes to a worker. */
  async answer(request: WorkerRequest): Promise<AnsweredReply | undefined> {
    if (this.stopped) return undefined;
    const key = requestKey(request);
    if (!this.fast.has(key)) return undefined;
    const reply = await this.answerer.reply(request);
    if (!reply.ok) {
      this.stopped = true;
      return undefined;
    }
    this.answeredCount += 1;
    return reply;
  }
}

/** What makes two requests the same work: all but their id and the limits, which are the engine's. */
function requestKey(request: WorkerRequest): string {
  return JSON.stringify([request.query, request.bindings, request.maxRows, request.page, request.wholeIfOrdered, request.write]);
}
