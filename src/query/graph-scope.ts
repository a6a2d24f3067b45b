/**
 * The part of the graph a query can read: the predicates of its triple patterns (and, for
 * `?x a <Class>`, the classes), and whether it reaches named graphs. A one-shot query then loads
 * only those triples: a solution can only use triples its patterns match, so the answers are the
 * same, and loading is most of a one-shot query's time on a large graph.
 */
import sparqljs from 'sparqljs';
import { NS, termIri } from '../rdf/namespaces.js';

export interface GraphScope {
  /** A pattern with a variable or negated predicate, or DESCRIBE: every triple. */
  readonly everything: boolean;
  /** Predicate IRIs, in N-Triples form (`<iri>`). */
  readonly predicates: ReadonlySet<string>;
  /** Classes of `rdf:type` patterns with a constant class, in N-Triples form, when rdf:type itself is not in `predicates`. */
  readonly classes: ReadonlySet<string>;
  /** GRAPH patterns, FROM or FROM NAMED: the named graphs are needed too. */
  readonly named: boolean;
}

export const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
export const EVERYTHING: GraphScope = { everything: true, predicates: new Set(), classes: new Set(), named: true };
export const NOTHING: GraphScope = { everything: false, predicates: new Set(), classes: new Set(), named: false };

type Node = Readonly<Record<string, unknown>>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;
const iri = (value: string): string => `<${value}>`;

/** What `text` (an already checked query) can read. */
export function graphScope(text: string): GraphScope {
  return treeScope(new sparqljs.Parser().parse(text));
}

/** What a parsed query can read. */
export function treeScope(parsed: sparqljs.SparqlQuery): GraphScope {
  const tree = parsed as unknown as Node;
  if (tree.queryType === 'DESCRIBE') return EVERYTHING;
  const predicates = new Set<string>();
  const classes = new Set<string>();
  let everything = false;
  let named = isNode(tree.from);

  const pathIris = (path: Node): void => {
    if (path.pathType === '!') everything = true;
    for (const item of (path.items as unknown[]) ?? []) {
      if (!isNode(item)) continue;
      if (item.termType === 'NamedNode') predicates.add(iri(item.value as string));
      else if (item.type === 'path') pathIris(item);
      else everything = true;
    }
  };
  const pattern = (triple: Node): void => {
    const predicate = triple.predicate as Node;
    const object = triple.object as Node;
    if (predicate.type === 'path') pathIris(predicate);
    else if (predicate.termType !== 'NamedNode') everything = true;
    else if (iri(predicate.value as string) === RDF_TYPE && object.termType === 'NamedNode') classes.add(iri(object.value as string));
    else predicates.add(iri(predicate.value as string));
  };
  // Every part of the WHERE clause, FILTER EXISTS and subqueries included; the CONSTRUCT template reads nothing.
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (!isNode(value)) return;
    if (value.type === 'graph' || isNode(value.from)) named = true;
    if (value.type === 'bgp') {
      for (const triple of (value.triples as unknown[]) ?? []) if (isNode(triple)) pattern(triple);
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'template' && key !== 'triples') walk(child);
  };
  walk(tree);
  if (everything) return { ...EVERYTHING, named };
  if (predicates.has(RDF_TYPE)) classes.clear();
  return { everything, predicates, classes, named };
}

/** Whether `scope` holds every triple `part` holds. */
export function covers(scope: GraphScope, part: GraphScope): boolean {
  if (scope.everything) return true;
  if (part.everything) return false;
  const typed = scope.predicates.has(RDF_TYPE);
  return [...part.predicates].every((predicate) => scope.predicates.has(predicate)) &&
    [...part.classes].every((type) => typed || scope.classes.has(type));
}

/**
 * Whether a triple could be in both: `held`, what a file holds (its predicates, and in `classes`
 * the classes of its rdf:type triples), and `read`, what a query reads.
 */
export function overlaps(held: GraphScope, read: GraphScope): boolean {
  if (held.everything || read.everything) return true;
  if ([...read.predicates].some((predicate) => held.predicates.has(predicate))) return true;
  // A type pattern with a variable class reads every rdf:type triple.
  if (read.predicates.has(RDF_TYPE) && held.classes.size > 0) return true;
  return [...read.classes].some((type) => held.classes.has(type));
}

export function union(a: GraphScope, b: GraphScope): GraphScope {
  if (a.everything || b.everything) return { ...EVERYTHING, named: a.named || b.named };
  const predicates = new Set([...a.predicates, ...b.predicates]);
  const classes = predicates.has(RDF_TYPE) ? new Set<string>() : new Set([...a.classes, ...b.classes]);
  return { everything: false, predicates, classes, named: a.named || b.named };
}

/** Terms only the evidence files hold: the link to a fact's evidence, and the Web Annotation terms of the spans. */
const EVIDENCE_TERMS: ReadonlySet<string> = new Set([iri(termIri('pg', 'evidence')), iri(termIri('pg', 'Evidence'))]);

/** Whether a query in `scope` names evidence terms, so that it needs the evidence files to answer. */
export function readsEvidence(scope: GraphScope): boolean {
  return [...scope.predicates, ...scope.classes].some((term) => EVIDENCE_TERMS.has(term) || term.startsWith(`<${NS.oa}`));
}
