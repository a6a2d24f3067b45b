/**
 * Loading the graph files into an Oxigraph store, part by part as queries need them. The default
 * graph comes from the triples file (graph.nt: each triple once), the named graphs from the quads
 * file (graph.nq) only when a query reaches them: that load costs twice the triples. N-Triples and
 * N-Quads are read line by line and only the lines in scope are parsed; a line whose predicate
 * cannot be told simply (or that holds a blank node, whose identity must come from one load) is
 * loaded with the first part, so a filter can only keep too much, never too little. When a build
 * split graph.nt by predicate (write/graph-split.ts), a part is read from the files of the split
 * instead. A build's evidence files, when asked for, load with the facts files of the same graphs.
 */
import { openSync, readFileSync, closeSync, fstatSync } from 'node:fs';
import type oxigraph from 'oxigraph';
import { covers, EVERYTHING, NOTHING, overlaps, RDF_TYPE, union, type GraphScope } from './graph-scope.js';
import { holdsKey, linesIn, needsScan, wholeFile, withFileLines, type LineTerms } from './line-selector.js';
import { linesOffThread } from './scan-thread.js';
import { graphFilePaths, type GraphFiles, type RdfFile } from './rdf-files.js';
import { isAsWritten, type WrittenFile } from '../write/manifest.js';
import type { GraphSplit, SplitFile } from '../write/graph-split.js';
import type { RequiredTerms } from './required-terms.js';
import { writableIri } from './sparql.js';

export interface LoadProgress {
  readonly bytes: number;
  readonly totalBytes: number;
}

/**
 * From this size a file's lines are picked out on another thread while Oxigraph parses: at 10,000
 * reports (620 MB of graph.nt) picking took 2.5-3 s of a one-shot query, parsing 1-6 s.
 */
const OFF_THREAD_SCAN_BYTES = 64 * 1024 * 1024;
const LINE_FORMATS: ReadonlySet<string> = new Set(['application/n-triples', 'application/n-quads']);
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

/** Loads an N-Triples file unchecked when its bytes are as its record says; false when they are not, or the file is missing or does not parse. */
function loadAsWritten(store: oxigraph.Store, file: { readonly path: string } & WrittenFile): boolean {
  try {
    const bytes = readFileSync(file.path);
    if (!isAsWritten(bytes, file)) return false;
    store.load(bytes, { format: 'application/n-triples', lenient: true, no_transaction: true });
    return true;
  } catch {
    return false;
  }
}

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
  /** Files recorded by their build that were found changed since: checked from then on. */
  private readonly changed = new Set<string>();

  constructor(
    private readonly createStore: () => oxigraph.Store,
    private readonly files: GraphFiles,
    private readonly onProgress: (progress: LoadProgress) => void = () => undefined,
    /** Files from this size are scanned on a thread of their own (scan-thread.ts); smaller ones here, without a thread's start. */
    private readonly offThreadBytes = OFF_THREAD_SCAN_BYTES,
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

  /** Whether `store` is the store of the facts alone (neither the named graphs nor the evidence beside them). */
  isFactsStore(store: oxigraph.Store): boolean {
    return store === this.facts.store;
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

  /** A new, empty store for `parts`. */
  private empty(parts: StoreParts): void {
    parts.store = this.createStore();
    parts.loadedDefault = NOTHING;
    parts.loadedNamed = NOTHING;
  }

  private lines(path: string, wanted: GraphScope, loaded: GraphScope, progress: (bytes: number) => void,
    seen: EvidenceTerms | undefined, digest: ((sha256: string) => void) | undefined): Generator<Buffer> {
    const offThread = seen === undefined && needsScan(wanted, loaded) && fileBytes(path) >= this.offThreadBytes;
    const watch = digest === undefined ? {} : { digest };
    return offThread ? linesOffThread(path, wanted, loaded, progress, undefined, watch) : linesIn(path, wanted, loaded, progress, { ...watch, kept: seen?.add });
  }

  /**
   * The build's record of `file`, which lets it be parsed unchecked, unless it was found changed
   * since. Oxigraph then skips checking each IRI (at 10,000 reports, graph.nt loaded whole in
   * 0.56-0.67x of the time), while the file's SHA-256 is taken as it is read and compared with the
   * build's at the end. Only a file loaded whole is: when a query reads a part, the hash of every
   * byte (about 1 s of the scanning thread for 620 MB) cost as much as the check saved on the part.
   */
  private vouchedFor(file: RdfFile): WrittenFile | undefined {
    return this.changed.has(file.path) ? undefined : file.written;
  }

  /**
   * The files of `file`'s split (write/graph-split.ts) that hold what `wanted` reads and `loaded`
   * does not, unless the whole file is read or its split was found changed.
   */
  private splitFiles(file: RdfFile, wanted: GraphScope, loaded: GraphScope): readonly SplitFile[] | undefined {
    if (file.split === undefined || wanted.everything || this.changed.has(file.split.index)) return undefined;
    return file.split.parts.filter((part) => holdsKey(wanted, part.key) && !holdsKey(loaded, part.key));
  }

  /**
   * Loads split files unchecked, each read whole and loaded only when it is as its build recorded
   * it; false when one is missing, changed, or does not parse. A file is given to Oxigraph as one
   * buffer: it parses a buffer in 0.6-0.75x of the time it takes for the same bytes in chunks.
   */
  private loadSplit(store: oxigraph.Store, split: GraphSplit, files: readonly SplitFile[], progress: (bytes: number) => void): boolean {
    let done = 0;
    for (const file of files) {
      if (!loadAsWritten(store, file)) {
        this.changed.add(split.index);
        return false;
      }
      progress(done += file.bytes);
    }
    return true;
  }

  /** Loads what `scope` reads of a file and `loaded` does not; false when the file was loaded unchecked and found changed since the build. */
  private async loadFile(store: oxigraph.Store, { file, loaded, isEvidence }: FileLoad, scope: GraphScope, progress: (bytes: number) => void): Promise<boolean> {
    const filtered = LINE_FORMATS.has(file.format);
    // The evidence read whole tells which predicates and classes it holds.
    const seen = isEvidence && scope.everything && filtered ? new EvidenceTerms() : undefined;
    // Checked, unless the build's record vouches for a file loaded whole: the files may come from anywhere, and a bad one is an error naming it, for every query.
    const record = filtered && scope.everything ? this.vouchedFor(file) : undefined;
    let sha256: string | undefined;
    const digest = record === undefined ? undefined : (hex: string): void => { sha256 = hex; };
    try {
      if (filtered) store.load(this.lines(file.path, scope, loaded, progress, seen, digest), { format: file.format, lenient: record !== undefined, no_transaction: true });
      else await loadWhole(store, file, progress);
    } catch (error) {
      throw new GraphFileError(file.path, filtered ? withFileLines(error, file.path, scope, loaded) : error);
    }
    if (record !== undefined && sha256 !== record.sha256) {
      this.changed.add(file.path);
      return false;
    }
    if (seen !== undefined) this.evidenceScope = seen.scope();
    return true;
  }

  private async fill(parts: StoreParts, scope: GraphScope): Promise<void> {
    const { triples, quads, evidence, statistics } = this.files;
    const needDefault = !covers(parts.loadedDefault, scope);
    const needNamed = parts.named && !covers(parts.loadedNamed, scope);
    const loads: FileLoad[] = [];
    const add = (graphs: 'default' | 'named', loaded: GraphScope, files: ReadonlyArray<RdfFile | undefined>): void => {
      for (const file of files) if (file !== undefined) loads.push({ file, loaded, graphs, isEvidence: file === evidence?.triples, split: this.splitFiles(file, scope, loaded) });
    };
    // Without a triples file the statistics are the default graph's only file (the rest is derived below).
    if (needDefault) add('default', parts.loadedDefault, triples === undefined ? [statistics] : [triples, parts.evidence ? evidence?.triples : undefined, statistics]);
    if (needNamed) add('named', parts.loadedNamed, [quads, evidence?.quads]);
    if (loads.length > 0) this.held.delete(parts.store);
    const bytesOf = (load: FileLoad): number => load.split?.reduce((sum, part) => sum + part.bytes, 0) ?? fileBytes(load.file.path);
    const totalBytes = loads.reduce((sum, load) => sum + bytesOf(load), 0);
    let done = 0;
    for (const load of loads) {
      const progress = (bytes: number): void => this.onProgress({ bytes: done + bytes, totalBytes });
      const asBuilt = load.split !== undefined ? this.loadSplit(parts.store, load.file.split!, load.split, progress) : await this.loadFile(parts.store, load, scope, progress);
      if (!asBuilt) {
        // Found changed since the build: what the store holds is dropped, and read again, checked.
        this.empty(parts);
        return this.fill(parts, scope);
      }
      done += bytesOf(load);
      const part: GraphScope = LINE_FORMATS.has(load.file.format) ? scope : { ...scope, everything: true };
      if (load.graphs === 'default') parts.loadedDefault = union(parts.loadedDefault, part);
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

/** A file to load into a store, and what of it the store holds already. */
interface FileLoad {
  readonly file: RdfFile;
  readonly loaded: GraphScope;
  readonly graphs: 'default' | 'named';
  readonly isEvidence: boolean;
  /** The files of its split to read instead, when it has one and the query reads part of it. */
  readonly split: readonly SplitFile[] | undefined;
}

/** One store, which files it takes, and what of them it holds. */
interface StoreParts {
  store: oxigraph.Store;
  /** The evidence beside the facts (evidence.nt; with the named graphs, evidence.nq). */
  readonly evidence: boolean;
  readonly named: boolean;
  loadedDefault: GraphScope;
  loadedNamed: GraphScope;
}
