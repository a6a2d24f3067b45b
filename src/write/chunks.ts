/**
 * One named graph's share of every graph file, rendered on its own, so reports can be serialised in
 * parallel (worker threads) and streamed to disk in order: its whole TriG and N-Quads block, and for
 * the union-graph files (Turtle, N-Triples, JSON-LD) the triples about resources that belong to this
 * report alone (its event, sessions, sections, participations, evidence). Triples about resources
 * that recur across reports (people, organisations, memberships, places, themes) come back as
 * N-Triples lines, to be merged without duplicates and written once, at the end (graph-writer.ts).
 */
import { DataFactory, Parser, Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { kindNamespace } from '../rdf/iri.js';
import type { ResourceKind } from '../rdf/namespaces.js';
import { compactNodes, type JsonLdContext } from './jsonld.js';
import { graphPrefixes } from './prefixes.js';
import { sortQuads } from './order.js';
import { unionGraph } from './serialise.js';
import { timed, type StageSeconds } from '../timing.js';

type TextFormat = 'Turtle' | 'N-Triples' | 'TriG' | 'N-Quads';

/** Kinds minted from a report's own source or event: their triples are stated by that report only. */
const REPORT_OWNED_KINDS: readonly ResourceKind[] = ['event', 'session', 'section', 'participation', 'report', 'evidence', 'graph'];

export interface UnionText {
  readonly turtle: string;
  readonly ntriples: string;
  /** Node objects of the JSON-LD "@graph", each as indented JSON text. */
  readonly jsonLdNodes: readonly string[];
  readonly triples: number;
}

export interface GraphChunk {
  readonly trig: string;
  readonly nquads: string;
  readonly owned: UnionText;
  /** N-Triples lines about resources shared across reports. */
  readonly shared: readonly string[];
}

export interface FileHeaders {
  readonly turtle: string;
  readonly trig: string;
  readonly jsonLd: string;
}

function write(sorted: readonly Quad[], format: TextFormat, prefixes: Record<string, string>): string {
  const writer = new Writer({ format, prefixes });
  writer.addQuads([...sorted]);
  let output = '';
  writer.end((error, result: string) => {
    if (error) throw error;
    output = result;
  });
  return output;
}

/** Quads of a single graph, sorted, are already sorted and distinct as triples: no second sort. */
function oneGraphAsTriples(sorted: readonly Quad[]): readonly Quad[] {
  const graph = sorted[0]?.graph;
  if (graph === undefined || sorted.some((quad) => !quad.graph.equals(graph))) return unionGraph(sorted);
  return sorted.map((quad) => DataFactory.quad(quad.subject, quad.predicate, quad.object));
}

const indent = (text: string, spaces: string): string => text.replace(/\n/g, `\n${spaces}`);

export class ChunkRenderer {
  readonly headers: FileHeaders;
  private readonly prefixes: Record<string, string>;
  private readonly ownedNamespaces: readonly string[];

  constructor(base: string, private readonly context: JsonLdContext) {
    this.prefixes = graphPrefixes(base);
    this.ownedNamespaces = REPORT_OWNED_KINDS.map((kind) => kindNamespace(base, kind));
    this.headers = {
      turtle: write([], 'Turtle', this.prefixes),
      trig: write([], 'TriG', this.prefixes),
      jsonLd: `{\n  "@context": ${indent(JSON.stringify(context, null, 2), '  ')},\n  "@graph": [`,
    };
  }

  /** Text after the prefix declarations every Turtle/TriG output of this renderer starts with. */
  private body(sorted: readonly Quad[], format: 'Turtle' | 'TriG'): string {
    const header = format === 'Turtle' ? this.headers.turtle : this.headers.trig;
    return write(sorted, format, this.prefixes).slice(header.length);
  }

  /** Turtle, N-Triples and JSON-LD text of triples sorted by unionGraph's order. */
  renderUnion(sortedTriples: readonly Quad[], seconds: StageSeconds = {}): UnionText {
    return {
      turtle: timed(seconds, 'write Turtle', () => this.body(sortedTriples, 'Turtle')),
      ntriples: timed(seconds, 'write N-Triples', () => write(sortedTriples, 'N-Triples', {})),
      jsonLdNodes: timed(seconds, 'write JSON-LD', () =>
        compactNodes(sortedTriples, this.context).map((node) => `    ${indent(JSON.stringify(node, null, 2), '    ')}`)),
      triples: sortedTriples.length,
    };
  }

  private isOwned(quad: Quad): boolean {
    const subject = quad.subject.value;
    return quad.subject.termType === 'NamedNode' && this.ownedNamespaces.some((namespace) => subject.startsWith(namespace));
  }

  /** The quads of one named graph (a report's, or the ontology's); `seconds` collects time per format. */
  render(quads: readonly Quad[], seconds: StageSeconds = {}): GraphChunk {
    const sorted = timed(seconds, 'sort', () => sortQuads(quads));
    const owned: Quad[] = [];
    const shared: Quad[] = [];
    for (const triple of oneGraphAsTriples(sorted)) (this.isOwned(triple) ? owned : shared).push(triple);
    return {
      trig: timed(seconds, 'write TriG', () => this.body(sorted, 'TriG')),
      nquads: timed(seconds, 'write N-Quads', () => write(sorted, 'N-Quads', {})),
      owned: this.renderUnion(owned, seconds),
      shared: timed(seconds, 'write N-Triples', () => write(shared, 'N-Triples', {})).split('\n').filter((line) => line !== ''),
    };
  }

  /** The shared triples of every chunk, merged: duplicates collapse, then the usual order. */
  renderShared(lines: Iterable<string>): UnionText {
    return this.renderUnion(sortQuads(new Parser({ format: 'N-Triples' }).parse([...lines].join('\n'))));
  }
}
