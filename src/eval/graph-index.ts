/**
 * The triples of a built graph, looked up the way the independent scorer's rdflib graph answers:
 * named graphs merged, each triple once, and the values of a subject's property in the order the
 * graph file states them (the scorer takes the first name, and the first parent organisation).
 */
import type { Quad, Term } from '@rdfjs/types';

/** One key per RDF term: IRIs, blank nodes and literals (with language and datatype) never collide. */
export function termKey(term: Term): string {
  if (term.termType === 'Literal') return `"${term.value}"@${term.language}^^${term.datatype.value}`;
  return `${term.termType}:${term.value}`;
}

type Values = Map<string, Term>;

interface ObjectEntry {
  readonly object: Term;
  readonly subjects: Values;
}

export class GraphIndex {
  /** subject -> predicate IRI -> objects, in insertion order. */
  private readonly bySubject = new Map<string, Map<string, Values>>();
  /** predicate IRI -> object -> the object and its subjects, in insertion order. */
  private readonly byObject = new Map<string, Map<string, ObjectEntry>>();

  constructor(quads: Iterable<Quad>) {
    for (const quad of quads) this.add(quad.subject, quad.predicate.value, quad.object);
  }

  private add(subject: Term, predicate: string, object: Term): void {
    const subjectKey = termKey(subject);
    const objectKey = termKey(object);
    const objects = nested(nested(this.bySubject, subjectKey), predicate);
    if (objects.has(objectKey)) return;
    objects.set(objectKey, object);
    const withPredicate = nested(this.byObject, predicate);
    let entry = withPredicate.get(objectKey);
    if (entry === undefined) {
      entry = { object, subjects: new Map() };
      withPredicate.set(objectKey, entry);
    }
    entry.subjects.set(subjectKey, subject);
  }

  /** Objects of `subject`'s `predicate`s, predicate by predicate in the order given. */
  objects(subject: Term, predicates: readonly string[]): Term[] {
    const properties = this.bySubject.get(termKey(subject));
    if (properties === undefined) return [];
    return predicates.flatMap((predicate) => [...(properties.get(predicate)?.values() ?? [])]);
  }

  /** Subjects that have `object` as a value of `predicate`. */
  subjects(predicate: string, object: Term): Term[] {
    return [...(this.byObject.get(predicate)?.get(termKey(object))?.subjects.values() ?? [])];
  }

  /** Every object of `predicate`, whatever the subject. */
  objectsOf(predicate: string): Term[] {
    return [...(this.byObject.get(predicate)?.values() ?? [])].map((entry) => entry.object);
  }
}

function nested<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}
