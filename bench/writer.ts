/**
 * Our Turtle/N-Triples writer (src/rdf-io/syntax.ts) against N3's Writer and StreamWriter on the
 * same graphs: synthetic graphs of 100k and 1M triples, and a real build's quads (the bundled
 * report, repeated under renamed IRIs). Every writer gets the same sorted triples and the same
 * prefixes and returns the whole text; runs alternate between writers, each figure is the median.
 * Before timing, each output is parsed back with N3's Parser and compared as a set of triples with
 * the input, so the writers are shown to write the same graph.
 *   npm run bench:writer [-- --sizes 100000,1000000 --runs 5 --real-copies 100]
 */
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { Parser, StreamWriter, Writer } from 'n3';
import { factory } from '../src/rdf/factory.js';
import type { NamedNode, Quad, Term } from '@rdfjs/types';
import { buildGraph } from '../src/pipeline.js';
import { mapReport } from '../src/rdf/map.js';
import { DEFAULT_BASE } from '../src/rdf/namespaces.js';
import { graphPrefixes } from '../src/rdf-io/prefixes.js';
import { unionGraph } from '../src/rdf-io/serialise.js';
import { lineText, statementText, TermEncoder, turtleDocument } from '../src/rdf-io/syntax.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { syntheticModel } from './synthetic.js';

type Format = 'N-Triples' | 'Turtle';
type WriterName = 'ours' | 'N3 Writer' | 'N3 StreamWriter';
const WRITERS: readonly WriterName[] = ['ours', 'N3 Writer', 'N3 StreamWriter'];
const PREFIXES = graphPrefixes(DEFAULT_BASE);
const REAL_REPORT = join(PROJECT_ROOT, 'data', 'reports', 'geneva-peace-week-2017.txt');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

/** Synthetic graph sizes in triples; 0 for none. */
const sizes = option('sizes', '100000,1000000').split(',').map(Number).filter((size) => size > 0);
const runs = Number(option('runs', '5'));
const realCopies = Number(option('real-copies', '100'));

function prefixesFor(format: Format): Record<string, string> {
  return format === 'Turtle' ? PREFIXES : {};
}

function n3Text(triples: readonly Quad[], format: Format): string {
  const writer = new Writer({ format, prefixes: prefixesFor(format) });
  writer.addQuads([...triples]);
  let text = '';
  writer.end((error, result: string) => {
    if (error) throw error;
    text = result;
  });
  return text;
}

async function n3StreamText(triples: readonly Quad[], format: Format): Promise<string> {
  const chunks: string[] = [];
  const writer = new StreamWriter({ format, prefixes: prefixesFor(format) });
  Readable.from(triples).pipe(writer);
  for await (const chunk of writer) chunks.push(String(chunk));
  return chunks.join('');
}

function ourText(triples: readonly Quad[], format: Format): string {
  return format === 'Turtle' ? turtleDocument(triples, PREFIXES, false) : lineText(triples, new TermEncoder(), false);
}

async function write(writer: WriterName, triples: readonly Quad[], format: Format): Promise<string> {
  if (writer === 'ours') return ourText(triples, format);
  if (writer === 'N3 Writer') return n3Text(triples, format);
  return n3StreamText(triples, format);
}

/**
 * As the build writes (src/write/chunks.ts): each report graph's triples as Turtle and as
 * N-Triples, ours with one encoder for both, N3 with a writer for each.
 */
async function writeChunks(writer: WriterName, chunks: readonly (readonly Quad[])[]): Promise<string> {
  const parts: string[] = [];
  for (const chunk of chunks) {
    if (writer === 'ours') {
      const encoder = new TermEncoder(PREFIXES);
      parts.push(encoder.prefixBlock() + statementText(chunk, encoder, false), lineText(chunk, encoder, false));
    } else {
      parts.push(await write(writer, chunk, 'Turtle'), await write(writer, chunk, 'N-Triples'));
    }
  }
  return parts.join('');
}

/** A key for a triple that two equal triples share, built from the RDF/JS fields (no writer involved). */
function termKey(term: Term): string {
  if (term.termType === 'Literal') return `L${term.value}\u0000${term.language}\u0000${term.datatype.value}`;
  return `${term.termType[0]}${term.value}`;
}

function tripleKeys(triples: Iterable<Quad>): Set<string> {
  const keys = new Set<string>();
  for (const { subject, predicate, object } of triples) keys.add(`${termKey(subject)}\u0001${termKey(predicate)}\u0001${termKey(object)}`);
  return keys;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const key of a) if (!b.has(key)) return false;
  return true;
}

/** The input graph's triples again, parsed back from each writer's text: the bench compares like with like. */
async function checkSameGraph(label: string, triples: readonly Quad[], format: Format): Promise<boolean> {
  const expected = tripleKeys(triples);
  const texts = new Map<WriterName, string>();
  for (const writer of WRITERS) {
    const text = await write(writer, triples, format);
    texts.set(writer, text);
    const parsed = new Parser({ format }).parse(text);
    if (!sameSet(expected, tripleKeys(parsed))) throw new Error(`${label} ${format}: ${writer}'s text parses to another graph`);
  }
  return texts.get('ours') === texts.get('N3 Writer') && texts.get('ours') === texts.get('N3 StreamWriter');
}

/** The chunks' texts, compared as bytes (their graphs are checked one format at a time above). */
async function sameChunkBytes(chunks: readonly (readonly Quad[])[]): Promise<boolean> {
  const [ours, ...others] = await Promise.all(WRITERS.map((writer) => writeChunks(writer, chunks)));
  return others.every((text) => text === ours);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs alternate, each starting with another writer, so drift in the machine's load falls on all of them. */
async function timeWriters(job: (writer: WriterName) => Promise<string>): Promise<Map<WriterName, number>> {
  const seconds = new Map<WriterName, number[]>(WRITERS.map((writer) => [writer, []]));
  for (let run = 0; run < runs; run += 1) {
    for (let turn = 0; turn < WRITERS.length; turn += 1) {
      const writer = WRITERS[(run + turn) % WRITERS.length]!;
      const started = performance.now();
      // The byte count reads the whole text, so a text built by concatenation is flattened here, as writing it to a file would.
      Buffer.byteLength(await job(writer));
      seconds.get(writer)!.push((performance.now() - started) / 1000);
    }
  }
  return new Map(WRITERS.map((writer) => [writer, median(seconds.get(writer)!)]));
}

/** Synthetic reports of 200 speakers, mapped by map.ts with the project factory, until `size` distinct triples. */
function syntheticTriples(size: number): Quad[] {
  const quads: Quad[] = [];
  let triples: Quad[] = [];
  for (let index = 0; triples.length < size;) {
    // Add about as many reports as are missing, then count again: counting sorts the whole graph.
    const perReport = index === 0 ? 0 : triples.length / index;
    const more = perReport === 0 ? 1 : Math.max(1, Math.ceil((size - triples.length) / perReport));
    for (const end = index + more; index < end; index += 1) quads.push(...mapReport(syntheticModel(index, 200), { factory }));
    triples = unionGraph(quads);
  }
  return triples;
}

/**
 * The bundled report's build, its minted IRIs renamed per copy ("…/person/ada" -> "…/person/ada-c7"):
 * the union of all copies, and each copy's triples on their own (a report graph of the build).
 */
async function realTriples(copies: number): Promise<{ triples: Quad[]; chunks: Quad[][] }> {
  const built = await buildGraph([REAL_REPORT]);
  const rename = <T extends Term>(term: T, copy: number): T | NamedNode =>
    term.termType === 'NamedNode' && term.value.startsWith(DEFAULT_BASE) ? factory.namedNode(`${term.value}-c${copy}`) : term;
  const chunks = Array.from({ length: copies }, (_, copy) =>
    unionGraph(built.quads.map((quad) => factory.quad(rename(quad.subject, copy), rename(quad.predicate, copy), rename(quad.object, copy)))));
  return { triples: unionGraph(chunks.flat()), chunks };
}

function row(label: string, triples: number, format: string, seconds: ReadonlyMap<WriterName, number>, sameBytes: boolean): void {
  const ours = seconds.get('ours')!;
  const writer = seconds.get('N3 Writer')!;
  const stream = seconds.get('N3 StreamWriter')!;
  console.log(`| ${label} | ${triples.toLocaleString('en')} | ${format} | ${ours.toFixed(3)} | ${writer.toFixed(3)} | ${stream.toFixed(3)} | ${(writer / ours).toFixed(2)}x | ${(stream / ours).toFixed(2)}x | ${sameBytes ? 'yes' : 'no'} |`);
}

async function documents(label: string, triples: readonly Quad[]): Promise<void> {
  for (const format of ['N-Triples', 'Turtle'] as const) {
    const sameBytes = await checkSameGraph(label, triples, format);
    row(label, triples.length, format, await timeWriters((writer) => write(writer, triples, format)), sameBytes);
  }
}

console.log(`Writers on the same sorted triples, median of ${runs} alternating runs (seconds); ratio = N3's time / ours.\n`);
console.log('| graph | triples | format | ours | N3 Writer | N3 StreamWriter | Writer / ours | StreamWriter / ours | same bytes |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const size of sizes) await documents(`synthetic ${size.toLocaleString('en')}`, syntheticTriples(size));
const real = await realTriples(realCopies);
const label = `bundled report x${realCopies}`;
await documents(label, real.triples);
const sameBytes = await sameChunkBytes(real.chunks);
row(label, real.triples.length, 'per report: Turtle + N-Triples', await timeWriters((writer) => writeChunks(writer, real.chunks)), sameBytes);
