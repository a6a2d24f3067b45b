/**
 * Loading the graph files into an Oxigraph store, part by part as queries need them. The default
 * graph comes from the triples file (graph.nt: each triple once), the named graphs from the quads
 * file (graph.nq) only when a query reaches them: that load costs twice the triples. N-Triples and
 * N-Quads are read line by line and only the lines in scope are parsed; a line whose predicate
 * cannot be told simply (or that holds a blank node, whose identity must come from one load) is
 * loaded with the first part, so a filter can only keep too much, never too little. A build's
 * evidence files, when asked for, load with the facts files of the same graphs.
 */
import { openSync, readSync, readFileSync, closeSync, fstatSync } from 'node:fs';
import type oxigraph from 'oxigraph';
import { covers, EVERYTHING, NOTHING, overlaps, RDF_TYPE, union, type GraphScope } from './graph-scope.js';
import { graphFilePaths, type GraphFiles, type RdfFile } from './rdf-files.js';
import type { RequiredTerms } from './required-terms.js';
import { writableIri } from './sparql.js';

export interface LoadProgress {
  readonly bytes: number;
  readonly totalBytes: number;
}

const LINE_FORMATS: ReadonlySet<string> = new Set(['application/n-triples', 'application/n-quads']);
const CHUNK_BYTES = 8 * 1024 * 1024;
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

const equalBytes = (bytes: Buffer, start: number, end: number, token: Buffer): boolean =>
  end - start === token.length && bytes.compare(token, 0, token.length, start, end) === 0;

function hasBackslash(bytes: Buffer, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) if (bytes[index] === BACKSLASH) return true;
  return false;
}

/**
 * Finds the predicate and, on an rdf:type line, the object of an N-Triples or N-Quads line, in
 * place (the line is matched as bytes: a string per line made the scan of a large file mostly
 * allocation); false when they cannot be told without parsing (comments, tabs, blank nodes, IRIs
 * written with \u escapes, which would not compare equal to the query's). `plain`: the chunk holds
 * no tab and no "_:", so its lines need no closer look.
 */
function findSpans(bytes: Buffer, start: number, end: number, plain: boolean, spans: Spans): boolean {
  if (bytes[start] !== LESS) return false;
  const afterSubject = bytes.indexOf(SPACE, start);
  if (afterSubject < 0 || afterSubject >= end || bytes.indexOf(GREATER, start) !== afterSubject - 1) return false;
  const afterPredicate = bytes.indexOf(SPACE, afterSubject + 1);
  if (afterPredicate < 0 || afterPredicate >= end || bytes[afterSubject + 1] !== LESS || bytes.indexOf(GREATER, afterSubject) !== afterPredicate - 1) return false;
  if (!plain) {
    const line = bytes.subarray(start, end);
    if (line.includes('_:') || line.includes('\t')) return false;
  }
  if (hasBackslash(bytes, afterSubject + 1, afterPredicate)) return false;
  spans.predicateStart = afterSubject + 1;
  spans.predicateEnd = afterPredicate;
  spans.objectStart = -1;
  spans.objectEnd = -1;
  if (!equalBytes(bytes, afterSubject + 1, afterPredicate, RDF_TYPE_BYTES)) return true;
  const objectEnd = bytes.indexOf(SPACE, afterPredicate + 1);
  if (objectEnd < 0 || objectEnd >= end) return true;
  if (hasBackslash(bytes, afterPredicate + 1, objectEnd)) return false;
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

/** The terms of a line, for whoever wants to know them (LazyGraph learning what the evidence holds). */
export type LineTerms = { predicate: string; object: string } | undefined;

/**
 * Whole lines in `wanted` and not in `loaded`, from byte chunks that may cut lines anywhere: each
 * chunk gives the kept lines it completes, `end` those of the last line.
 */
export class LineSelector {
  private carry = Buffer.alloc(0);
  private readonly wanted: ScopeBytes;
  private readonly loaded: ScopeBytes;
  private readonly spans: Spans = { predicateStart: 0, predicateEnd: 0, objectStart: -1, objectEnd: -1 };

  /** `kept`, when given, is told the terms of each line kept (undefined: a line that cannot be told simply). */
  constructor(wanted: GraphScope, loaded: GraphScope = NOTHING, private readonly kept?: (terms: LineTerms) => void) {
    this.wanted = new ScopeBytes(wanted);
    this.loaded = new ScopeBytes(loaded);
  }

  select(chunk: Uint8Array): Buffer | undefined {
    const bytes = Buffer.concat([this.carry, chunk]);
    const last = bytes.lastIndexOf(NEWLINE) + 1;
    this.carry = Buffer.from(bytes.subarray(last));
    return this.keep(bytes, last);
  }

  end(): Buffer | undefined {
    const bytes = this.carry;
    this.carry = Buffer.alloc(0);
    return this.keep(bytes, bytes.length);
  }

  private keep(bytes: Buffer, last: number): Buffer | undefined {
    // A whole file into an empty store, with no one to tell: every line, unread.
    if (this.wanted.everything && this.loaded.empty && this.kept === undefined) return last > 0 ? bytes.subarray(0, last) : undefined;
    const kept: Buffer[] = [];
    const plain = bytes.indexOf('_:') < 0 && bytes.indexOf('\t') < 0;
    const spans = this.spans;
    for (let start = 0; start < last;) {
      const newline = bytes.indexOf(NEWLINE, start);
      const end = newline < 0 || newline >= last ? last : newline;
      const told = findSpans(bytes, start, end, plain, spans);
      if (this.wanted.holds(bytes, told, spans) && !this.loaded.holds(bytes, told, spans)) {
        kept.push(bytes.subarray(start, end + 1));
        this.kept?.(told ? {
          predicate: bytes.toString('utf8', spans.predicateStart, spans.predicateEnd),
          object: spans.objectStart < 0 ? '' : bytes.toString('utf8', spans.objectStart, spans.objectEnd),
        } : undefined);
      }
      start = end + 1;
    }
    return kept.length > 0 ? Buffer.concat(kept) : undefined;
  }
}

/** One file's lines in `wanted` and not in `loaded`, in chunks of whole lines, with progress by bytes read. */
function* linesIn(path: string, wanted: GraphScope, loaded: GraphScope, progress: (bytes: number) => void,
  kept?: (terms: LineTerms) => void): Generator<Buffer> {
  const descriptor = openSync(path, 'r');
  const selector = new LineSelector(wanted, loaded, kept);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let read = 0;
    for (;;) {
      const count = readSync(descriptor, buffer, 0, CHUNK_BYTES, null);
      const kept = count === 0 ? selector.end() : selector.select(buffer.subarray(0, count));
      read += count;
      progress(read);
      if (kept !== undefined) yield kept;
      if (count === 0) return;
    }
  } finally {
    closeSync(descriptor);
  }
}

function* wholeFile(path: string, progress: (bytes: number) => void): Generator<Buffer> {
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
function withFileLines(error: unknown, path: string, wanted: GraphScope, loaded: GraphScope): unknown {
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

/**
 * A file read whole, in one transaction. Oxigraph parses JSON-LD natively but cannot resolve a
 * remote @context (the event files name "https://schema.org"): those files go through jsonld.js
 * with the bundled contexts instead.
 */
async function loadWhole(store: oxigraph.Store, file: RdfFile, progress: (bytes: number) => void): Promise<void> {
  if (file.format !== 'application/ld+json') {
    store.load(wholeFile(file.path, progress), { format: file.format, lenient: false, no_transaction: true });
    return;
  }
  const input = readFileSync(file.path);
  try {
    // In one transaction: a failed try leaves nothing behind.
    store.load(input, { format: file.format, lenient: false });
  } catch {
    // Imported only here: jsonld.js would slow every worker's start-up (and its first query).
    const { jsonLdToNQuads } = await import('../rdf-io/read-graph.js');
    store.load(await jsonLdToNQuads(file.path, input.toString('utf8')), { format: 'application/n-quads', lenient: false });
  }
  progress(input.length);
}

const fileBytes = (path: string): number => {
  const descriptor = openSync(path, 'r');
  try {
    return fstatSync(descriptor).size;
  } finally {
    closeSync(descriptor);
  }
};

/** A graph file that did not load: which one, and the engine's error. */
export class GraphFileError extends Error {
  constructor(readonly path: string, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Stores filled from graph files as queries need their parts. A query that reaches no named graph
 * runs on a store of the default graph alone: with the named graphs beside it in one store,
 * Oxigraph answered default-graph queries up to 100 times slower (`people` on 10,000 reports:
 * 0.1 s on graph.nt alone, 22 s with graph.nq loaded too). Queries with GRAPH, FROM or FROM NAMED
 * go to a second store, made on first need, holding the default graph and the named graphs.
 * Evidence, when loaded, is kept apart the same way: a store of the facts with the evidence beside
 * them answers the queries whose patterns can match an evidence triple, and the facts' store the
 * others, whose answers the evidence cannot change (with the evidence in the same store, `people`
 * at 1,000 reports took 5x as long). Until the evidence is loaded, which predicates and classes it
 * holds is not known, and every query goes to the store with the evidence.
 */
export class LazyGraph {
  private readonly facts: StoreParts;
  private withEvidence: StoreParts | undefined;
  private withNamed: StoreParts | undefined;
  /** The predicates and classes of the evidence's default-graph triples, once all are loaded; `everything` when a line could not be told. */
  private evidenceScope: GraphScope | undefined;
  /** Per store, whether its default graph holds a triple of a term (required-terms.ts), until it loads more. */
  private readonly held = new WeakMap<oxigraph.Store, Map<string, boolean>>();

  constructor(
    private readonly createStore: () => oxigraph.Store,
    private readonly files: GraphFiles,
    private readonly onProgress: (progress: LoadProgress) => void = () => undefined,
  ) {
    this.facts = this.newParts(false);
  }

  get paths(): string[] {
    return graphFilePaths(this.files);
  }

  /** Loads every store a query may need: the facts' (with the statistics), the evidence's when loaded, the named graphs'. */
  async preload(): Promise<void> {
    const everything = { ...EVERYTHING, named: false };
    await this.fill(this.facts, everything);
    if (this.files.evidence?.triples !== undefined) await this.fill(this.withEvidence ??= this.newParts(true), everything);
    await this.ensure(EVERYTHING);
  }

  /** Loads what `scope` reads and is not loaded yet; the store to run the query on. */
  async ensure(scope: GraphScope): Promise<oxigraph.Store> {
    const parts = this.partsFor(scope);
    await this.fill(parts, scope);
    return parts.store;
  }

  /**
   * Whether `store`'s default graph has no triple of one of `terms`: then a query that requires
   * them all has no solution. An IRI that cannot be written between < and > counts as held.
   */
  lacksAny(store: oxigraph.Store, terms: RequiredTerms): boolean {
    let held = this.held.get(store);
    if (held === undefined) this.held.set(store, held = new Map());
    const holds = (pattern: string): boolean => {
      let answer = held.get(pattern);
      if (answer === undefined) held.set(pattern, answer = store.query(`ASK { ${pattern} }`) as boolean);
      return answer;
    };
    return terms.predicates.some((predicate) => writableIri(predicate) && !holds(`?s <${predicate}> ?o`)) ||
      terms.classes.some((type) => writableIri(type) && !holds(`?s a <${type}>`));
  }

  private partsFor(scope: GraphScope): StoreParts {
    // Without a triples file, the default graph is derived from the named graphs: one store.
    if (scope.named || this.files.triples === undefined) return (this.withNamed ??= this.newParts(true, true));
    if (this.files.evidence?.triples === undefined) return this.facts;
    const apart = this.evidenceScope !== undefined && !overlaps(this.evidenceScope, scope);
    return apart ? this.facts : (this.withEvidence ??= this.newParts(true));
  }

  private newParts(evidence: boolean, named = false): StoreParts {
    return { store: this.createStore(), evidence, named, loadedDefault: NOTHING, loadedNamed: NOTHING };
  }

  private async fill(parts: StoreParts, scope: GraphScope): Promise<void> {
    const { triples, quads, evidence, statistics } = this.files;
    const needDefault = !covers(parts.loadedDefault, scope);
    const needNamed = parts.named && !covers(parts.loadedNamed, scope);
    const loads: Array<{ file: RdfFile; loaded: GraphScope; graphs: 'default' | 'named'; isEvidence?: boolean }> = [];
    const add = (graphs: 'default' | 'named', loaded: GraphScope, files: ReadonlyArray<RdfFile | undefined>): void => {
      for (const file of files) if (file !== undefined) loads.push({ file, loaded, graphs, isEvidence: file === evidence?.triples });
    };
    // Without a triples file the statistics are the default graph's only file (the rest is derived below).
    if (needDefault) add('default', parts.loadedDefault, triples === undefined ? [statistics] : [triples, parts.evidence ? evidence?.triples : undefined, statistics]);
    if (needNamed) add('named', parts.loadedNamed, [quads, evidence?.quads]);
    if (loads.length > 0) this.held.delete(parts.store);
    const totalBytes = loads.reduce((sum, load) => sum + fileBytes(load.file.path), 0);
    let done = 0;
    for (const { file, loaded, graphs, isEvidence } of loads) {
      const progress = (bytes: number): void => this.onProgress({ bytes: done + bytes, totalBytes });
      const filtered = LINE_FORMATS.has(file.format);
      // The evidence read whole tells which predicates and classes it holds.
      const seen = isEvidence && scope.everything && filtered ? new EvidenceTerms() : undefined;
      // Strict: the files may come from anywhere, and a bad one is an error naming it, for every query.
      try {
        if (filtered) parts.store.load(linesIn(file.path, scope, loaded, progress, seen?.add), { format: file.format, lenient: false, no_transaction: true });
        else await loadWhole(parts.store, file, progress);
      } catch (error) {
        throw new GraphFileError(file.path, filtered ? withFileLines(error, file.path, scope, loaded) : error);
      }
      if (seen !== undefined) this.evidenceScope = seen.scope();
      done += fileBytes(file.path);
      const part: GraphScope = filtered ? scope : { ...scope, everything: true };
      if (graphs === 'default') parts.loadedDefault = union(parts.loadedDefault, part);
      else parts.loadedNamed = union(parts.loadedNamed, part);
    }
    if (triples === undefined && needNamed) {
      // Each triple of any named graph once in the default graph: the store holds a set.
      parts.store.update('INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }');
      parts.loadedDefault = parts.loadedNamed;
    }
  }
}

/** The predicates (and rdf:type classes) of the lines of a file; `everything` once a line cannot be told simply. */
class EvidenceTerms {
  private readonly predicates = new Set<string>();
  private readonly classes = new Set<string>();
  private unknown = false;

  readonly add = (terms: LineTerms): void => {
    if (terms === undefined) this.unknown = true;
    else if (terms.predicate === RDF_TYPE) this.classes.add(terms.object);
    else this.predicates.add(terms.predicate);
  };

  scope(): GraphScope {
    if (this.unknown) return { ...EVERYTHING, named: false };
    return { everything: false, predicates: this.predicates, classes: this.classes, named: false };
  }
}

/** One store, which files it takes, and what of them it holds. */
interface StoreParts {
  readonly store: oxigraph.Store;
  /** The evidence beside the facts (evidence.nt; with the named graphs, evidence.nq). */
  readonly evidence: boolean;
  readonly named: boolean;
  loadedDefault: GraphScope;
  loadedNamed: GraphScope;
}
