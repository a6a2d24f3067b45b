/**
 * One named graph's share of every graph file, rendered on its own, so reports can be serialised in
 * parallel (worker threads) and streamed to disk in order (graph-writer.ts). A report's graph holds
 * four kinds of triples, told apart by the IRIs minted for them:
 * - its evidence: the text spans behind its facts (pg:Evidence nodes, their targets and selectors)
 *   and every pg:evidence link to them. They go to the evidence files, apart from the facts, so
 *   that the graph people query stays small. No other report states them: streamed as they come.
 * - its source's: about the report and its sections. No other report states them (the IRIs come
 *   from the report's own id): streamed as they come.
 * - its event's: about the event, its sessions and participations. Another report may name the same
 *   event (the IRIs come from the event's name): streamed, and merged when that happens.
 * - shared: about people, organisations, memberships, places, themes. Kept as N-Triples lines,
 *   merged without duplicates, and written once at the end.
 * The graph's TriG and N-Quads blocks hold all three.
 */
import { Parser } from 'n3';
import { factory } from '../rdf/factory.js';
import type { Quad, Term } from '@rdfjs/types';
import { kindNamespace } from '../rdf/iri.js';
import { PG } from '../rdf/vocab.js';
import type { ResourceKind } from '../rdf/namespaces.js';
import { compactNodes, type JsonLdContext } from '../rdf-io/jsonld.js';
import { graphPrefixes } from '../rdf-io/prefixes.js';
import { sortQuads } from '../rdf-io/order.js';
import { lineText, statementText, TermEncoder } from '../rdf-io/syntax.js';
import { timed, type StageSeconds } from '../timing.js';

/** Kinds minted from the report's own id. */
const SOURCE_KINDS: readonly ResourceKind[] = ['report', 'section', 'evidence', 'graph'];
/** Kinds minted from the report's event name. */
const EVENT_KINDS: readonly ResourceKind[] = ['event', 'session', 'participation'];

/** Triples as Turtle, N-Triples and JSON-LD node objects. */
export interface UnionText {
  readonly turtle: string;
  readonly ntriples: string;
  /** Node objects of the JSON-LD "@graph", indented for their place in graph.jsonld and joined by ",\n". */
  readonly jsonLd: string;
  readonly jsonLdNodes: number;
  readonly triples: number;
}

/** Triples in their named graph (TriG, N-Quads) and in the default graph (N-Triples). */
export interface NamedGraphText {
  readonly trig: string;
  readonly nquads: string;
  readonly ntriples: string;
}

export interface GraphChunk {
  readonly trig: string;
  readonly nquads: string;
  /** The graph's evidence, for the evidence files. */
  readonly evidence: NamedGraphText;
  readonly source: UnionText;
  readonly event: UnionText;
  /** The event's IRI, which tells when two reports name the same event. */
  readonly eventIri?: string;
  /** N-Triples lines about resources shared across reports, each ending with a newline. */
  readonly shared: string;
}

export interface FileHeaders {
  readonly turtle: string;
  readonly trig: string;
  readonly jsonLd: string;
}

const indent = (text: string, spaces: string): string => text.replace(/\n/g, `\n${spaces}`);

/** The document graph.jsonld is, around its node objects (which go between the two parts). */
const JSON_LD_WRAPPER = ['{\n  "@graph": [\n', '\n  ]\n}'] as const;

/**
 * Node objects as they stand in graph.jsonld's "@graph" array. One JSON.stringify of the array in
 * its place gives the indentation, rather than re-indenting every node's text.
 */
function jsonLdNodes(nodes: readonly object[]): { jsonLd: string; jsonLdNodes: number } {
  if (nodes.length === 0) return { jsonLd: '', jsonLdNodes: 0 };
  const text = JSON.stringify({ '@graph': nodes }, null, 2);
  return { jsonLd: text.slice(JSON_LD_WRAPPER[0].length, -JSON_LD_WRAPPER[1].length), jsonLdNodes: nodes.length };
}

type TripleKind = 'evidence' | 'source' | 'event' | 'shared';

export class ChunkRenderer {
  readonly headers: FileHeaders;
  private readonly prefixes: Record<string, string>;
  private readonly sourceNamespaces: readonly string[];
  private readonly eventNamespaces: readonly string[];
  private readonly eventNamespace: string;
  private readonly evidenceNamespaces: readonly string[];

  constructor(base: string, private readonly context: JsonLdContext) {
    this.prefixes = graphPrefixes(base);
    this.sourceNamespaces = SOURCE_KINDS.map((kind) => kindNamespace(base, kind));
    this.eventNamespaces = EVENT_KINDS.map((kind) => kindNamespace(base, kind));
    this.eventNamespace = kindNamespace(base, 'event');
    this.evidenceNamespaces = [kindNamespace(base, 'evidence')];
    const prefixBlock = new TermEncoder(this.prefixes).prefixBlock();
    this.headers = {
      turtle: prefixBlock,
      trig: prefixBlock,
      jsonLd: `{\n  "@context": ${indent(JSON.stringify(context, null, 2), '  ')},\n  "@graph": [`,
    };
  }

  /** An encoder per chunk: it remembers the IRIs it encodes, so it must not live for a whole corpus. */
  private encoder(): TermEncoder {
    return new TermEncoder(this.prefixes);
  }

  /** Turtle, N-Triples and JSON-LD text of triples in sortQuads' order. */
  renderUnion(sortedTriples: readonly Quad[], seconds: StageSeconds = {}, encoder = this.encoder()): UnionText {
    return {
      turtle: timed(seconds, 'write Turtle', () => statementText(sortedTriples, encoder, false)),
      ntriples: timed(seconds, 'write N-Triples', () => lineText(sortedTriples, encoder, false)),
      ...timed(seconds, 'write JSON-LD', () => jsonLdNodes(compactNodes(sortedTriples, this.context))),
      triples: sortedTriples.length,
    };
  }

  /** N-Triples lines rendered as union text: duplicates collapse, then the usual order. */
  renderLines(lines: Iterable<string>): UnionText {
    return this.renderUnion(sortQuads(new Parser({ format: 'N-Triples', factory }).parse([...lines].join('\n'))));
  }

  private within(term: Term, namespaces: readonly string[]): boolean {
    return term.termType === 'NamedNode' && namespaces.some((namespace) => term.value.startsWith(namespace));
  }

  private subjectKind(quad: Quad): TripleKind {
    if (this.within(quad.subject, this.evidenceNamespaces)) return 'evidence';
    if (this.within(quad.subject, this.sourceNamespaces)) return 'source';
    return this.within(quad.subject, this.eventNamespaces) ? 'event' : 'shared';
  }

  /** A triple's kind, its subject's being known: a link to evidence is evidence, a link to a source's resource is the source's. */
  private tripleKind(quad: Quad, subjectKind: TripleKind): TripleKind {
    if (subjectKind === 'evidence' || quad.predicate.equals(PG.evidence)) return 'evidence';
    return subjectKind !== 'source' && this.within(quad.object, this.sourceNamespaces) ? 'source' : subjectKind;
  }

  /** The evidence triples of a graph (sorted) in the evidence files' forms. */
  private evidenceText(sorted: readonly Quad[], named: Term | undefined, encoder: TermEncoder, seconds: StageSeconds): NamedGraphText {
    if (sorted.length === 0) return { trig: '', nquads: '', ntriples: '' };
    const ntriples = timed(seconds, 'write N-Triples', () => lineText(sorted, encoder, false));
    const turtle = timed(seconds, 'write Turtle', () => statementText(sorted, encoder, false));
    return this.inGraph(named, turtle, ntriples, encoder, seconds);
  }

  /** Turtle and N-Triples text placed in a named graph: TriG and N-Quads. */
  private inGraph(named: Term | undefined, turtle: string, ntriples: string, encoder: TermEncoder, seconds: StageSeconds): NamedGraphText {
    return {
      trig: timed(seconds, 'write TriG', () => (named === undefined ? turtle : `${encoder.turtle(named)} {\n${turtle}}\n`)),
      // Canonical N-Triples escapes every newline inside terms: " .\n" only ever ends a line.
      nquads: timed(seconds, 'write N-Quads', () => (named === undefined ? ntriples : ntriples.replaceAll(' .\n', ` ${encoder.line(named)} .\n`))),
      ntriples,
    };
  }

  /**
   * The quads of one named graph (a report's, or the ontology's); `seconds` collects time per
   * format. The graph's TriG and N-Quads are its Turtle and N-Triples inside the graph: derived from
   * them, not written a second time.
   */
  render(quads: readonly Quad[], seconds: StageSeconds = {}): GraphChunk {
    const sorted = timed(seconds, 'sort', () => sortQuads(quads));
    const graph = sorted[0]?.graph;
    if (graph !== undefined && sorted.some((quad) => !quad.graph.equals(graph))) throw new Error('a graph chunk holds the quads of one graph');
    const triples: Record<TripleKind, Quad[]> = { evidence: [], source: [], event: [], shared: [] };
    let subjectKind: TripleKind = 'shared';
    let previous: Quad | undefined;
    for (const quad of sorted) {
      // Sorted: a subject's triples are consecutive, so each subject is classified once.
      if (previous === undefined || !previous.subject.equals(quad.subject)) subjectKind = this.subjectKind(quad);
      triples[this.tripleKind(quad, subjectKind)].push(quad);
      previous = quad;
    }
    const encoder = this.encoder();
    const source = this.renderUnion(triples.source, seconds, encoder);
    const event = this.renderUnion(triples.event, seconds, encoder);
    const sharedTurtle = timed(seconds, 'write Turtle', () => statementText(triples.shared, encoder, false));
    const shared = timed(seconds, 'write N-Triples', () => lineText(triples.shared, encoder, false));
    const named = graph !== undefined && graph.termType !== 'DefaultGraph' ? graph : undefined;
    const turtle = event.turtle + source.turtle + sharedTurtle;
    const ntriples = event.ntriples + source.ntriples + shared;
    const eventSubject = triples.event.find((quad) => quad.subject.value.startsWith(this.eventNamespace)) ?? triples.event[0];
    const { trig, nquads } = this.inGraph(named, turtle, ntriples, encoder, seconds);
    return {
      trig,
      nquads,
      evidence: this.evidenceText(triples.evidence, named, encoder, seconds),
      source,
      event,
      ...(eventSubject === undefined ? {} : { eventIri: eventSubject.subject.value }),
      shared,
    };
  }
}
