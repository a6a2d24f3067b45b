/**
 * Streams the graph files of a build: chunks are appended as they come (in report order, so the
 * output is the same for the same inputs), and the triples about resources shared across reports are
 * merged in memory and written once at the end. Neither N-Triples nor N-Quads holds the corpus in
 * memory; only the shared resources' triples are kept. Chunks travel packed: one UTF-8 buffer per
 * file, which a worker thread can transfer without copying and the writer appends without encoding.
 */
import type { ChunkRenderer, GraphChunk, UnionText } from './chunks.js';

export const GRAPH_FILES = ['graph.ttl', 'graph.nt', 'graph.trig', 'graph.nq', 'graph.jsonld'] as const;
export type GraphFileName = (typeof GRAPH_FILES)[number];
export type AppendText = (file: GraphFileName, text: string | Uint8Array) => Promise<void>;

/** Consecutive chunks, packed. */
export interface PackedChunks {
  readonly bytes: Readonly<Record<GraphFileName, Uint8Array>>;
  /** JSON-LD node objects in bytes['graph.jsonld'], which are joined by ",\n". */
  readonly jsonLdNodes: number;
  readonly triples: number;
  /** N-Triples lines about shared resources, joined by "\n". */
  readonly shared: string;
}

/** Node's UTF-8 encoder is several times faster than TextEncoder on large strings. */
const encode = (text: string): Uint8Array => Buffer.from(text, 'utf8');

export function packChunks(chunks: readonly GraphChunk[]): PackedChunks {
  const join = (part: (chunk: GraphChunk) => string): Uint8Array => encode(chunks.map(part).join(''));
  const nodes = chunks.flatMap((chunk) => chunk.owned.jsonLdNodes);
  return {
    bytes: {
      'graph.ttl': join((chunk) => chunk.owned.turtle),
      'graph.nt': join((chunk) => chunk.owned.ntriples),
      'graph.trig': join((chunk) => chunk.trig),
      'graph.nq': join((chunk) => chunk.nquads),
      'graph.jsonld': encode(nodes.join(',\n')),
    },
    jsonLdNodes: nodes.length,
    triples: chunks.reduce((sum, chunk) => sum + chunk.owned.triples, 0),
    shared: chunks.flatMap((chunk) => chunk.shared).join('\n'),
  };
}

/** The Uint8Arrays of packed chunks, to transfer to another thread instead of copying them. */
export function transferList(packed: PackedChunks): ArrayBuffer[] {
  // Small buffers share Node's pool: only buffers that own their memory can be transferred.
  return Object.values(packed.bytes)
    .filter((bytes) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
    .map((bytes) => bytes.buffer as ArrayBuffer);
}

export class GraphWriter {
  private readonly shared = new Set<string>();
  private triples = 0;
  private jsonLdNodes = 0;

  private constructor(private readonly append: AppendText, private readonly renderer: ChunkRenderer) {}

  static async open(append: AppendText, renderer: ChunkRenderer): Promise<GraphWriter> {
    const headers: Record<GraphFileName, string> = {
      'graph.ttl': renderer.headers.turtle, 'graph.nt': '', 'graph.trig': renderer.headers.trig, 'graph.nq': '', 'graph.jsonld': renderer.headers.jsonLd,
    };
    for (const file of GRAPH_FILES) await append(file, headers[file]);
    return new GraphWriter(append, renderer);
  }

  async add(packed: PackedChunks): Promise<void> {
    for (const file of GRAPH_FILES) {
      if (file === 'graph.jsonld' && packed.jsonLdNodes > 0) await this.append(file, this.jsonLdNodes === 0 ? '\n' : ',\n');
      if (packed.bytes[file].length > 0) await this.append(file, packed.bytes[file]);
    }
    this.jsonLdNodes += packed.jsonLdNodes;
    this.triples += packed.triples;
    if (packed.shared !== '') for (const line of packed.shared.split('\n')) this.shared.add(line);
  }

  /** Writes the shared resources and closes the JSON-LD document; returns the union graph's triple count. */
  async close(): Promise<number> {
    const shared: UnionText = this.renderer.renderShared(this.shared);
    this.shared.clear();
    await this.add(packChunks([{ trig: '', nquads: '', owned: shared, shared: [] }]));
    await this.append('graph.jsonld', `${this.jsonLdNodes === 0 ? ']' : '\n  ]'}\n}\n`);
    return this.triples;
  }
}
