/**
 * A read-only set of triples indexed by subject, predicate and object, for SHACL validation: the
 * validator asks thousands of small matches per report, and N3's Store spends most of a
 * validation building and searching its general indexes (and the garbage collector behind them).
 * Only what the validator calls (match, size, iteration) is here.
 */
import type { Quad, Term } from '@rdfjs/types';

/** Matches carry their count as `size`, as an RDF/JS dataset does. */
class Matches extends Array<Quad> {
  get size(): number {
    return this.length;
  }
}

const NONE = new Matches();

/** Subjects, predicates and resource objects by kind and value; literals are not indexed as objects. */
function nodeKey(term: Term): string | undefined {
  return term.termType === 'NamedNode' ? term.value : term.termType === 'BlankNode' ? `_:${term.value}` : undefined;
}

function push(index: Map<string, Quad[]>, key: string, quad: Quad): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [quad]);
  else list.push(quad);
}

export class TripleIndex {
  private readonly all: Quad[] = [];
  private readonly bySubject = new Map<string, Quad[]>();
  private readonly byPredicate = new Map<string, Quad[]>();
  private readonly byObject = new Map<string, Quad[]>();

  /** The triples of `quads`, each once whatever graph states it: matched as the default graph. */
  constructor(quads: Iterable<Quad>) {
    for (const quad of quads) {
      const subject = nodeKey(quad.subject)!;
      // A subject has a few triples: a repeated one is found among them, without a key per triple.
      const about = this.bySubject.get(subject);
      if (about?.some((other) => other.predicate.equals(quad.predicate) && other.object.equals(quad.object))) continue;
      this.all.push(quad);
      push(this.bySubject, subject, quad);
      push(this.byPredicate, quad.predicate.value, quad);
      const object = nodeKey(quad.object);
      if (object !== undefined) push(this.byObject, object, quad);
    }
  }

  get size(): number {
    return this.all.length;
  }

  [Symbol.iterator](): Iterator<Quad> {
    return this.all[Symbol.iterator]();
  }

  /** The triples that match, as a plain array (an Array subclass is many times slower to make and map). */
  select(subject?: Term | null, predicate?: Term | null, object?: Term | null): Quad[] {
    // The narrowest index first, then the other terms compared.
    const objectKey = object ? nodeKey(object) : undefined;
    const candidates = subject ? this.bySubject.get(nodeKey(subject) ?? '')
      : objectKey !== undefined ? this.byObject.get(objectKey)
        : predicate ? this.byPredicate.get(predicate.value) : this.all;
    const matches: Quad[] = [];
    for (const quad of candidates ?? []) {
      if ((!predicate || quad.predicate.equals(predicate)) && (!object || quad.object.equals(object))) matches.push(quad);
    }
    return matches;
  }

  /** RDF/JS DatasetCore's match, for shacl-engine. */
  match(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): Matches {
    if (graph && graph.termType !== 'DefaultGraph') return NONE;
    const matches = new Matches();
    for (const quad of this.select(subject, predicate, object)) matches.push(quad);
    return matches;
  }
}
