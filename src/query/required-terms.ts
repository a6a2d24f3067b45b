/**
 * The predicates and classes a query cannot answer without. Oxigraph joins in the written order,
 * so a query whose later pattern names a predicate the store has no triple of still walks every
 * match of the earlier patterns before finding nothing (12 ms where the answer is known at once).
 * A triple pattern every solution must match, with a constant predicate (or, for `?x rdf:type <C>`,
 * a constant class) that no triple of the store has, makes the whole answer empty: the engine
 * checks these terms against the store and runs such a query on an empty store instead.
 * Being wrong here means a wrong answer, so only patterns that are surely required are listed.
 */
import type sparqljs from 'sparqljs';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

export interface RequiredTerms {
  /**
   * Predicate IRIs (plain IRI strings, not `<...>`) that some required triple pattern has as
   * constant predicate; an `rdf:type` pattern with a constant class is listed under `classes` instead.
   */
  readonly predicates: readonly string[];
  /** Classes C (plain IRI strings) of required patterns `?x rdf:type <C>`. */
  readonly classes: readonly string[];
}

/**
 * The terms every solution of the query must match, or undefined when a WHERE clause without
 * solutions need not give an empty answer: DESCRIBE (it describes its constant IRIs anyway),
 * FROM / FROM NAMED (the default graph is then not the store's), aggregates or HAVING without
 * GROUP BY (one group even over no solution: COUNT(*) gives a row with 0), and updates.
 * A VALUES clause after the WHERE keeps the terms: it is joined with the WHERE's solutions, and
 * a join with nothing is nothing.
 */
export function requiredTerms(tree: sparqljs.SparqlQuery): RequiredTerms | undefined {
  if (tree.type !== 'query' || tree.queryType === 'DESCRIBE' || tree.from !== undefined) return undefined;
  if (groupsWithoutGroupBy(tree)) return undefined;
  const predicates = new Set<string>();
  const classes = new Set<string>();

  const addTriple = ({ predicate, object }: sparqljs.Triple): void => {
    if ('type' in predicate) for (const iri of pathPredicates(predicate)) predicates.add(iri);
    else if (predicate.termType !== 'NamedNode') return;
    else if (predicate.value === RDF_TYPE && object.termType === 'NamedNode') classes.add(object.value);
    else predicates.add(predicate.value);
  };
  // A group's solutions are the join of its parts, so its BGPs and plain nested groups are required.
  // OPTIONAL, UNION, MINUS, FILTER (EXISTS), BIND, VALUES, SERVICE and subqueries may give solutions
  // without their patterns matching the store (or their own aggregates do), and GRAPH reads the
  // named graphs, not the default graph the terms are checked against.
  const addGroup = (patterns: readonly sparqljs.Pattern[]): void => {
    for (const pattern of patterns) {
      if (pattern.type === 'bgp') pattern.triples.forEach(addTriple);
      else if (pattern.type === 'group') addGroup(pattern.patterns);
    }
  };
  addGroup(tree.where ?? []);
  return { predicates: [...predicates], classes: [...classes] };
}

/**
 * The predicates every match of a property path uses. A sequence needs each step, `^p` and `p+`
 * need what p needs; `p*` and `p?` match at length zero without any triple, an alternative needs
 * only one of its branches, and `!p` any other predicate.
 */
function pathPredicates(path: sparqljs.PropertyPath | sparqljs.IriTerm): string[] {
  if (!('type' in path)) return [path.value];
  switch (path.pathType) {
    case '/':
    case '^':
    case '+':
      return path.items.flatMap(pathPredicates);
    default:
      return [];
  }
}

/**
 * Whether the query groups its solutions into one group without GROUP BY: then an empty WHERE
 * still gives a row (or true). Any aggregate anywhere in the projection or ORDER BY counts, even
 * one inside a nested EXISTS subquery: missing a shortcut costs time, a wrong one a wrong answer.
 */
function groupsWithoutGroupBy(tree: sparqljs.Query): boolean {
  // sparqljs puts HAVING and ORDER BY on ASK and CONSTRUCT trees too, though its typings have them on SELECT only.
  const { group, having, order } = tree as Partial<sparqljs.SelectQuery>;
  if (group !== undefined && group.length > 0) return false;
  const projection = tree.queryType === 'SELECT' ? tree.variables : [];
  return (having !== undefined && having.length > 0) || containsAggregate(projection) || containsAggregate(order);
}

function containsAggregate(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsAggregate);
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { type?: unknown }).type === 'aggregate') return true;
  return Object.values(value).some(containsAggregate);
}
