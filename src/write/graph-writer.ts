/**
 * Streams the graph files of a build: chunks are appended as they come (in report order, so the
 * output is the same for the same inputs), and the triples about resources shared across reports are
 * merged in memory and written once at the end. Neither N-Triples nor N-Quads holds the corpus in
 * memory. When a report names an event an earlier report named, only the event's triples the
 * earlier ones did not state are written: those are read back from graph.nt, which holds them.
 * Chunks travel packed as UTF-8 buffers, which a worker thread can transfer without copying and the
 * writer appends without encoding. The evidence behind the facts goes to files of its own, in the
 * same named graphs: evidence.nt with graph.nt, or evidence.nq with graph.nq, is the full graph.
 */
import type { ChunkRenderer, GraphChunk, UnionText } from './chunks.js';
import type { Facts } from '../stats/statistics.js';

/** The facts: what people query and publish. */
export const GRAPH_FILES = ['graph.ttl', 'graph.nt', 'graph.trig', 'graph.nq', 'graph.jsonld'] as const;
/** The text spans behind the facts, apart from them; not written by a build without evidence. */
export const EVIDENCE_FILES = ['evidence.nt', 'evidence.trig', 'evidence.nq'] as const;
export const ALL_GRAPH_FILES = [...GRAPH_FILES, ...EVIDENCE_FILES] as const;
export type GraphFileName = (typeof ALL_GRAPH_FILES)[number];
/**
 * The files engines read line by line (N-Triples, N-Quads): a build records how it wrote them
 * (write/manifest.ts), and the local engine parses one it loads whole unchecked while it is unchanged.
 */
export const LINE_GRAPH_FILES: readonly GraphFileName[] = ALL_GRAPH_FILES.filter((name) => /\.(nt|nq)$/.test(name));

/** Where the files go: appended to, and read back (only graph.nt is). */
export interface GraphSink {
  append(file: GraphFileName, data: string | Uint8Array): Promise<void>;
  /** `length` bytes from `offset` of what was appended to `file` so far. */
  read(file: GraphFileName, offset: number, length: number): Promise<Uint8Array>;
}

const UNION_FILES = ['graph.ttl', 'graph.nt', 'graph.jsonld'] as const;
type UnionFileName = (typeof UNION_FILES)[number];

/** Union text as UTF-8. */
export interface UnionBytes {
  readonly bytes: Readonly<Record<UnionFileName, Uint8Array>>;
  /** JSON-LD node objects in bytes['graph.jsonld'], which are joined by ",\n". */
  readonly jsonLdNodes: number;
  readonly triples: number;
}

export interface PackedReport {
  readonly source: UnionBytes;
  readonly event: UnionBytes;
  readonly eventIri?: string;
}

/** Consecutive chunks, packed. */
export interface PackedChunks {
  readonly trig: Uint8Array;
  readonly nquads: Uint8Array;
  readonly evidence: Readonly<Record<(typeof EVIDENCE_FILES)[number], Uint8Array>>;
  readonly reports: readonly PackedReport[];
  /** N-Triples lines about shared resources, each ending with a newline. */
  readonly shared: string;
}

const utf8 = new TextEncoder();

/**
 * The texts as one UTF-8 buffer, in memory of its own so that it can be transferred to another
 * thread. Encoded in place into room for the worst case (3 bytes per UTF-16 unit; the pages not
 * written are never touched): measuring the exact length first doubled the cost.
 */
function encodeAll(texts: readonly string[]): Uint8Array {
  const room = Buffer.allocUnsafeSlow(3 * texts.reduce((sum, text) => sum + text.length, 0));
  let length = 0;
  for (const text of texts) length += utf8.encodeInto(text, room.subarray(length)).written;
  return room.subarray(0, length);
}

export function packUnion(text: UnionText): UnionBytes {
  return {
    bytes: { 'graph.ttl': encodeAll([text.turtle]), 'graph.nt': encodeAll([text.ntriples]), 'graph.jsonld': encodeAll([text.jsonLd]) },
    jsonLdNodes: text.jsonLdNodes,
    triples: text.triples,
  };
}

export function packChunks(chunks: readonly GraphChunk[]): PackedChunks {
  return {
    trig: encodeAll(chunks.map((chunk) => chunk.trig)),
    nquads: encodeAll(chunks.map((chunk) => chunk.nquads)),
    evidence: {
      'evidence.nt': encodeAll(chunks.map((chunk) => chunk.evidence.ntriples)),
      'evidence.trig': encodeAll(chunks.map((chunk) => chunk.evidence.trig)),
      'evidence.nq': encodeAll(chunks.map((chunk) => chunk.evidence.nquads)),
    },
    reports: chunks.map((chunk) => ({
      source: packUnion(chunk.source),
      event: packUnion(chunk.event),
      ...(chunk.eventIri === undefined ? {} : { eventIri: chunk.eventIri }),
    })),
    shared: chunks.map((chunk) => chunk.shared).join(''),
  };
}

/** The buffers of packed chunks, to transfer to another thread instead of copying them. */
export function transferList(packed: PackedChunks): ArrayBuffer[] {
  const unions = packed.reports.flatMap((report) => [report.source, report.event]);
  return [packed.trig, packed.nquads, ...Object.values(packed.evidence), ...unions.flatMap((union) => Object.values(union.bytes))]
    .map((bytes) => bytes.buffer as ArrayBuffer);
}

/**
 * A copy of a line split from a larger text. V8 slices share their parent's memory: a line kept
 * for the whole build would keep the whole text alive.
 */
const detached = (line: string): string => Buffer.from(line, 'utf8').toString('utf8');
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

export class GraphWriter {
  private readonly shared = new Set<string>();
  private triples = 0;
  private jsonLdNodes = 0;
  /** Bytes appended to graph.nt so far: where the next report's triples start. */
  private ntriplesLength = 0;
  /** Each event's triples in graph.nt, as the first report that named it wrote them. */
  private readonly events = new Map<string, { readonly offset: number; readonly length: number }>();
  /** For events named by several reports: every line written about them so far. */
  private readonly eventLines = new Map<string, Set<string>>();

  private constructor(private readonly sink: GraphSink, private readonly renderer: ChunkRenderer, private readonly evidence: boolean) {}

  /** `evidence`: write the evidence files (the chunks' evidence is dropped otherwise). */
  static async open(sink: GraphSink, renderer: ChunkRenderer, options: { readonly evidence: boolean }): Promise<GraphWriter> {
    const writer = new GraphWriter(sink, renderer, options.evidence);
    const headers: Record<GraphFileName, string> = {
      'graph.ttl': renderer.headers.turtle, 'graph.nt': '', 'graph.trig': renderer.headers.trig, 'graph.nq': '', 'graph.jsonld': renderer.headers.jsonLd,
      'evidence.nt': '', 'evidence.trig': renderer.headers.trig, 'evidence.nq': '',
    };
    // Every file is created, even one that stays empty: a build's files do not depend on what it found.
    for (const file of options.evidence ? ALL_GRAPH_FILES : GRAPH_FILES) await sink.append(file, headers[file]);
    return writer;
  }

  private async append(file: GraphFileName, data: string | Uint8Array): Promise<void> {
    if (file === 'graph.nt') this.ntriplesLength += typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
    if (data.length > 0) await this.sink.append(file, data);
  }

  private async addUnion(union: UnionBytes): Promise<void> {
    if (union.jsonLdNodes > 0) await this.append('graph.jsonld', this.jsonLdNodes === 0 ? '\n' : ',\n');
    for (const file of UNION_FILES) await this.append(file, union.bytes[file]);
    this.jsonLdNodes += union.jsonLdNodes;
    this.triples += union.triples;
  }

  /** A report's event part: written whole the first time the event comes, else only what is new. */
  private async addEvent(report: PackedReport): Promise<void> {
    const iri = report.eventIri;
    const first = iri === undefined ? undefined : this.events.get(iri);
    if (iri === undefined || first === undefined) {
      if (iri !== undefined) this.events.set(iri, { offset: this.ntriplesLength, length: report.event.bytes['graph.nt'].length });
      await this.addUnion(report.event);
      return;
    }
    let written = this.eventLines.get(iri);
    if (written === undefined) {
      const bytes = await this.sink.read('graph.nt', first.offset, first.length);
      written = new Set(lines(Buffer.from(bytes).toString('utf8')).map(detached));
      this.eventLines.set(iri, written);
    }
    const fresh = lines(Buffer.from(report.event.bytes['graph.nt']).toString('utf8')).filter((line) => !written.has(line)).map(detached);
    for (const line of fresh) written.add(line);
    if (fresh.length > 0) await this.addUnion(packUnion(this.renderer.renderLines(fresh)));
  }

  async add(packed: PackedChunks): Promise<void> {
    for (const report of packed.reports) {
      await this.addEvent(report);
      await this.addUnion(report.source);
    }
    await this.append('graph.trig', packed.trig);
    await this.append('graph.nq', packed.nquads);
    if (this.evidence) for (const file of EVIDENCE_FILES) await this.append(file, packed.evidence[file]);
    for (const line of lines(packed.shared)) if (!this.shared.has(line)) this.shared.add(detached(line));
  }

  /** graph.nt as written so far, read back from the sink: the facts the statistics count. */
  writtenFacts(): Facts {
    const bytes = this.ntriplesLength;
    return { bytes, read: (offset, length) => this.sink.read('graph.nt', offset, length) };
  }

  /** Writes the shared resources and closes the JSON-LD document; returns the union graph's triple count. */
  async close(): Promise<number> {
    const shared: UnionText = this.renderer.renderLines(this.shared);
    this.shared.clear();
    this.eventLines.clear();
    await this.addUnion(packUnion(shared));
    await this.append('graph.jsonld', `${this.jsonLdNodes === 0 ? ']' : '\n  ]'}\n}\n`);
    return this.triples;
  }
}
