/**
 * The lines of N-Triples and N-Quads files that a query can read, told apart without parsing: a
 * line's predicate (and, on an rdf:type line, its class) is found as bytes and matched against the
 * query's scope. A line that cannot be told simply is kept, so a selection can only hold too much,
 * never too little.
 */
import { createHash } from 'node:crypto';
import { openSync, readSync, closeSync } from 'node:fs';
import { NOTHING, RDF_TYPE, type GraphScope } from './graph-scope.js';

export const CHUNK_BYTES = 8 * 1024 * 1024;
const [NEWLINE, SPACE, LESS, GREATER] = [0x0a, 0x20, 0x3c, 0x3e];


/** Where a line's predicate (and, on an rdf:type line, its object) lies, as byte offsets. */
interface Spans {
  predicateStart: number;
  predicateEnd: number;
  /** -1 on lines that are not rdf:type lines. */
  objectStart: number;
  objectEnd: number;
}

const RDF_TYPE_BYTES = Buffer.from(RDF_TYPE);
const BACKSLASH = 0x5c;

// Short spans are compared in a loop: a native call per comparison cost more than the comparing.
function equalBytes(bytes: Buffer, start: number, end: number, token: Buffer): boolean {
  if (end - start !== token.length) return false;
  // From the end: IRIs in one namespace share their start.
  for (let index = token.length - 1; index >= 0; index -= 1) if (bytes[start + index] !== token[index]) return false;
  return true;
}

/** The end of the IRI that starts at `start` ('<'), when it is written plainly (no space or backslash) and a space follows; -1 otherwise. */
function plainIriEnd(bytes: Buffer, start: number, end: number): number {
  if (bytes[start] !== LESS) return -1;
  for (let index = start + 1; index < end; index += 1) {
    const byte = bytes[index];
    if (byte === GREATER) return bytes[index + 1] === SPACE && index + 1 < end ? index + 1 : -1;
    if (byte === SPACE || byte === BACKSLASH) return -1;
  }
  return -1;
}

/**
 * Finds the predicate and, on an rdf:type line, the object of an N-Triples or N-Quads line, in
 * place (the line is matched as bytes: a string per line made the scan of a large file mostly
 * allocation); false when they cannot be told without parsing (comments, tabs, blank nodes, IRIs
 * written with \u escapes, which would not compare equal to the query's). `plain`: the chunk holds
 * no tab and no "_:", so its lines need no closer look.
 */
function findSpans(bytes: Buffer, start: number, end: number, plain: boolean, spans: Spans): boolean {
  // The subject is long: the native search beats a loop there, not on the shorter predicate.
  if (bytes[start] !== LESS) return false;
  const afterSubject = bytes.indexOf(SPACE, start);
  if (afterSubject < 0 || afterSubject >= end || bytes.indexOf(GREATER, start) !== afterSubject - 1) return false;
  const afterPredicate = plainIriEnd(bytes, afterSubject + 1, end);
  if (afterPredicate < 0) return false;
  if (!plain) {
    const line = bytes.subarray(start, end);
    if (line.includes('_:') || line.includes('\t')) return false;
  }
  spans.predicateStart = afterSubject + 1;
  spans.predicateEnd = afterPredicate;
  spans.objectStart = -1;
  spans.objectEnd = -1;
  if (!equalBytes(bytes, afterSubject + 1, afterPredicate, RDF_TYPE_BYTES)) return true;
  const objectEnd = plainIriEnd(bytes, afterPredicate + 1, end);
  if (objectEnd < 0) return bytes[afterPredicate + 1] !== LESS;
  spans.objectStart = afterPredicate + 1;
  spans.objectEnd = objectEnd;
  return true;
}

/** A scope's predicates and classes as bytes, to match lines with. */
class ScopeBytes {
  private readonly predicates: Buffer[];
  private readonly classes: Buffer[];
  readonly everything: boolean;
  readonly empty: boolean;

  constructor(scope: GraphScope) {
    this.everything = scope.everything;
    this.empty = isEmpty(scope);
    this.predicates = [...scope.predicates].map((predicate) => Buffer.from(predicate));
    this.classes = [...scope.classes].map((type) => Buffer.from(type));
  }

  /** Whether a line is in scope; lines that cannot be told (`told` false) are in every non-empty scope. */
  holds(bytes: Buffer, told: boolean, spans: Spans): boolean {
    if (this.empty) return false;
    if (this.everything || !told) return true;
    const { predicateStart, predicateEnd, objectStart, objectEnd } = spans;
    if (this.predicates.some((predicate) => equalBytes(bytes, predicateStart, predicateEnd, predicate))) return true;
    return objectStart >= 0 && this.classes.some((type) => equalBytes(bytes, objectStart, objectEnd, type));
  }
}

const isEmpty = (scope: GraphScope): boolean => !scope.everything && scope.predicates.size === 0 && scope.classes.size === 0;

/** Chunks that may cut lines anywhere, given back whole: each with the partial line before it, to where its last line ends. */
class WholeLines {
  private carry = Buffer.alloc(0);

  next(chunk: Uint8Array): { bytes: Buffer; last: number } {
    const bytes = Buffer.concat([this.carry, chunk]);
    const last = bytes.lastIndexOf(NEWLINE) + 1;
    this.carry = Buffer.from(bytes.subarray(last));
    return { bytes, last };
  }

  /** What follows the last newline. */
  rest(): Buffer {
    const bytes = this.carry;
    this.carry = Buffer.alloc(0);
    return bytes;
  }
}

/** The terms of a line, for whoever wants to know them (LazyGraph learning what the evidence holds). */
export type LineTerms = { predicate: string; object: string } | undefined;

/**
 * Whole lines in `wanted` and not in `loaded`, from byte chunks that may cut lines anywhere: each
 * chunk gives the kept lines it completes, `end` those of the last line.
 */
export class LineSelector {
  private readonly lines = new WholeLines();
  private readonly wanted: ScopeBytes;
  private readonly loaded: ScopeBytes;
  private readonly spans: Spans = { predicateStart: 0, predicateEnd: 0, objectStart: -1, objectEnd: -1 };

  /** `kept`, when given, is told the terms of each line kept (undefined: a line that cannot be told simply). */
  constructor(wanted: GraphScope, loaded: GraphScope = NOTHING, private readonly kept?: (terms: LineTerms) => void) {
    this.wanted = new ScopeBytes(wanted);
    this.loaded = new ScopeBytes(loaded);
  }

  select(chunk: Uint8Array): Buffer | undefined {
    const { bytes, last } = this.lines.next(chunk);
    return this.keep(bytes, last);
  }

  end(): Buffer | undefined {
    const bytes = this.lines.rest();
    return this.keep(bytes, bytes.length);
  }

  private keep(bytes: Buffer, last: number): Buffer | undefined {
    // A whole file into an empty store, with no one to tell: every line, unread.
    if (this.wanted.everything && this.loaded.empty && this.kept === undefined) return last > 0 ? bytes.subarray(0, last) : undefined;
    const kept: Buffer[] = [];
    visitLines(bytes, last, this.spans, (start, end, told, spans) => {
      if (!this.wanted.holds(bytes, told, spans) || this.loaded.holds(bytes, told, spans)) return;
      kept.push(bytes.subarray(start, end + 1));
      this.kept?.(told ? {
        predicate: bytes.toString('utf8', spans.predicateStart, spans.predicateEnd),
        object: spans.objectStart < 0 ? '' : bytes.toString('utf8', spans.objectStart, spans.objectEnd),
      } : undefined);
    });
    return kept.length > 0 ? Buffer.concat(kept) : undefined;
  }
}

/** Each line of `bytes` before `last`, with its spans when it can be told simply (`told`). */
function visitLines(bytes: Buffer, last: number, spans: Spans, visit: (start: number, end: number, told: boolean, spans: Spans) => void): void {
  const plain = bytes.indexOf('_:') < 0 && bytes.indexOf('\t') < 0;
  for (let start = 0; start < last;) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 || newline >= last ? last : newline;
    visit(start, end, findSpans(bytes, start, end, plain, spans), spans);
    start = end + 1;
  }
}

/**
 * What a scope matches a line by: its predicate, and on an rdf:type line with a
 * plain class, the class; '' for a line that cannot be told simply, which every non-empty scope holds.
 */
export type LineKey = string;

/**
 * Whole lines grouped by key (graph-split.ts), from byte chunks that may cut lines anywhere, each
 * group in the order of the lines: the lines a scope holds are then the groups it holds.
 */
export class LineSorter {
  private readonly lines = new WholeLines();
  private readonly spans: Spans = { predicateStart: 0, predicateEnd: 0, objectStart: -1, objectEnd: -1 };

  /** The lines each chunk completes, by key, in the order the keys first come. */
  sort(chunk: Uint8Array): Map<LineKey, Buffer> {
    const { bytes, last } = this.lines.next(chunk);
    return this.group(bytes, last);
  }

  /** The last line, when the text does not end with a newline (one is added). */
  end(): Map<LineKey, Buffer> {
    const rest = this.lines.rest();
    const bytes = rest.length > 0 ? Buffer.concat([rest, Buffer.from('\n')]) : rest;
    return this.group(bytes, bytes.length);
  }

  private group(bytes: Buffer, last: number): Map<LineKey, Buffer> {
    const groups = new Map<LineKey, Buffer[]>();
    visitLines(bytes, last, this.spans, (start, end, told, spans) => {
      const key = told ? lineKey(bytes, spans) : '';
      const group = groups.get(key);
      const line = bytes.subarray(start, end + 1);
      if (group === undefined) groups.set(key, [line]);
      else group.push(line);
    });
    return new Map([...groups].map(([key, lines]) => [key, Buffer.concat(lines)]));
  }
}

/** Whether `scope` holds the lines of `key`, as a LineSelector decides line by line. */
export function holdsKey(scope: GraphScope, key: LineKey): boolean {
  if (isEmpty(scope)) return false;
  if (scope.everything || key === '') return true;
  const [predicate, type] = key.split(' ') as [string, string | undefined];
  return scope.predicates.has(predicate) || (type !== undefined && scope.classes.has(type));
}

function lineKey(bytes: Buffer, spans: Spans): LineKey {
  const predicate = bytes.toString('utf8', spans.predicateStart, spans.predicateEnd);
  return spans.objectStart < 0 ? predicate : `${predicate} ${bytes.toString('utf8', spans.objectStart, spans.objectEnd)}`;
}

/** What one read of a file gave: the bytes read so far, the whole lines kept from them (if any), and whether the file has ended. */
export interface ReadChunk {
  readonly read: number;
  readonly lines: Buffer | undefined;
  readonly last: boolean;
}

/** What a read of a file tells besides its lines: the terms of each line kept, the SHA-256 of all its bytes once read. */
export interface ReadWatch {
  readonly kept?: (terms: LineTerms) => void;
  readonly digest?: (sha256: string) => void;
}

/** One file's lines in `wanted` and not in `loaded`, a chunk for each read, the last one at the end of the file. */
export function* chunksIn(path: string, wanted: GraphScope, loaded: GraphScope, watch: ReadWatch = {},
  chunkBytes = CHUNK_BYTES): Generator<ReadChunk> {
  const descriptor = openSync(path, 'r');
  const selector = new LineSelector(wanted, loaded, watch.kept);
  const hash = watch.digest === undefined ? undefined : createHash('sha256');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let read = 0;
    for (;;) {
      const count = readSync(descriptor, buffer, 0, chunkBytes, null);
      hash?.update(buffer.subarray(0, count));
      const lines = count === 0 ? selector.end() : selector.select(buffer.subarray(0, count));
      read += count;
      if (count === 0 && hash !== undefined) watch.digest?.(hash.digest('hex'));
      yield { read, lines, last: count === 0 };
      if (count === 0) return;
    }
  } finally {
    closeSync(descriptor);
  }
}

/** One file's lines in `wanted` and not in `loaded`, in chunks of whole lines, with progress by bytes read. */
export function* linesIn(path: string, wanted: GraphScope, loaded: GraphScope, progress: (bytes: number) => void,
  watch: ReadWatch = {}): Generator<Buffer> {
  for (const { read, lines } of chunksIn(path, wanted, loaded, watch)) {
    progress(read);
    if (lines !== undefined) yield lines;
  }
}

/** Whether reading `wanted` and not `loaded` means looking at each line (not when a whole file goes into an empty store). */
export const needsScan = (wanted: GraphScope, loaded: GraphScope): boolean => !(wanted.everything && isEmpty(loaded));

export function* wholeFile(path: string, progress: (bytes: number) => void): Generator<Buffer> {
  yield* linesIn(path, { ...NOTHING, everything: true }, NOTHING, progress);
}

/** Each line of a file, its newline included (one is added to a last line without). */
function* eachLine(path: string): Generator<Buffer> {
  let carry = Buffer.alloc(0);
  for (const chunk of wholeFile(path, () => undefined)) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let newline = bytes.indexOf(NEWLINE); newline >= 0; newline = bytes.indexOf(NEWLINE, start)) {
      yield bytes.subarray(start, newline + 1);
      start = newline + 1;
    }
    carry = Buffer.from(bytes.subarray(start));
  }
  if (carry.length > 0) yield Buffer.concat([carry, Buffer.from('\n')]);
}

/** A position in Oxigraph's parse errors ("between line 2 column 13 and line 3 column 1"). */
const LINE_POSITION = /\bline (\d+)/g;

/**
 * Oxigraph's error for a load of some lines counts the lines it was given; the user needs the
 * file's. Only on this error path, the file is read again through the same selection, to the
 * lines the message names.
 */
export function withFileLines(error: unknown, path: string, wanted: GraphScope, loaded: GraphScope): unknown {
  const positions = error instanceof Error ? [...error.message.matchAll(LINE_POSITION)].map((match) => Number(match[1])) : [];
  if (positions.length === 0) return error;
  const last = Math.max(...positions);
  const selector = new LineSelector(wanted, loaded);
  const fileLines: number[] = [];
  let number = 0;
  for (const line of eachLine(path)) {
    number += 1;
    if (selector.select(line) !== undefined && fileLines.push(number) >= last) break;
  }
  // A position past the lines given (the end of the input) lies just after the last of them.
  const inFile = (given: number): number => fileLines[given - 1] ?? (fileLines.at(-1) ?? 0) + given - fileLines.length;
  return new Error((error as Error).message.replace(LINE_POSITION, (_line, given: string) => `line ${inFile(Number(given))}`));
}

