/**
 * The SHACL Core features that ontology/shapes.ttl uses, compiled once per shapes graph into plain
 * functions over a graph's TripleIndex. A report's graph is then checked with a few index lookups
 * per focus node, where a general engine spends most of a build's validation time on its own
 * machinery. A shapes graph that uses any other feature is not compiled (compileShapes returns
 * undefined) and goes to shacl-engine (validate.ts). test/validate/compiled.test.ts checks every
 * feature here against rdf-validate-shacl and shacl-engine.
 */
import type { Term } from '@rdfjs/types';
import compareTerms from 'shacl-engine/lib/compareTerms.js';
import { NS } from '../rdf/namespaces.js';
import { factory } from '../rdf/factory.js';
import { hasDatatype } from './string-datatype.js';
import type { TripleIndex } from './triple-index.js';
import type { ResultPath, Severity, ValidationFinding } from './validate.js';

const SH = (name: string): string => `${NS.sh}${name}`;
const RDF_TYPE = `${NS.rdf}type`;

/** A term as a string that tells kinds apart (a focus node may be any term, literals included). */
function termKey(term: Term): string {
  if (term.termType === 'NamedNode') return term.value;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') return `"${term.value}"@${term.language}^^${term.datatype.value}`;
  return `?${term.value}`;
}

const VOCABULARY = { type: factory.namedNode(RDF_TYPE), subClassOf: factory.namedNode(`${NS.rdfs}subClassOf`) };

/** The data graph as the constraints ask about it. */
class DataGraph {
  private readonly subclasses = new Map<string, ReadonlyMap<string, Term>>();

  constructor(readonly triples: TripleIndex) {}

  objects(subject: Term, predicate: Term): Term[] {
    return this.triples.select(subject, predicate).map((quad) => quad.object);
  }

  subjects(predicate: Term, object: Term): Term[] {
    return this.triples.select(null, predicate, object).map((quad) => quad.subject);
  }

  /** The class and its subclasses by rdfs:subClassOf in the data graph (by key), as SHACL instances need them. */
  classes(type: Term): ReadonlyMap<string, Term> {
    let found = this.subclasses.get(termKey(type));
    if (found === undefined) {
      const classes = new Map([[termKey(type), type]]);
      const queue = [type];
      for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
        for (const sub of this.subjects(VOCABULARY.subClassOf, next)) {
          if (classes.has(termKey(sub))) continue;
          classes.set(termKey(sub), sub);
          queue.push(sub);
        }
      }
      found = classes;
      this.subclasses.set(termKey(type), found);
    }
    return found;
  }

  isInstance(node: Term, type: Term): boolean {
    const classes = this.classes(type);
    return this.objects(node, VOCABULARY.type).some((declared) => classes.has(termKey(declared)));
  }

  instances(type: Term): Term[] {
    return [...this.classes(type).values()].flatMap((member) => this.subjects(VOCABULARY.type, member));
  }
}

/** A constraint at one focus node: each failure is a value node, or undefined for the values as a whole. */
interface Constraint {
  readonly component: string;
  /** What a finding says when its shape has no sh:message. */
  readonly message: string;
  readonly failures: (focus: Term, values: readonly Term[], data: DataGraph) => Iterable<Term | undefined>;
}

interface CompiledShape {
  /** The node shape findings name, for its property shapes too. */
  readonly shape: string;
  readonly path?: ResultPath & { readonly term: Term };
  readonly severity: Severity;
  readonly message?: string;
  readonly constraints: readonly Constraint[];
}

interface NodeShape {
  readonly targetClasses: readonly Term[];
  readonly targetObjectsOf: readonly Term[];
  /** The node shape's own constraints, then one entry per property shape. */
  readonly shapes: readonly CompiledShape[];
}

export interface CompiledShapes {
  readonly validate: (triples: TripleIndex) => ValidationFinding[];
}

/** Thrown while compiling when a shape uses a feature this file does not implement. */
class Unsupported extends Error {}

const SEVERITIES: Readonly<Record<string, Severity>> = { [SH('Violation')]: 'violation', [SH('Warning')]: 'warning', [SH('Info')]: 'info' };

const NODE_KINDS: Readonly<Record<string, readonly string[]>> = {
  [SH('IRI')]: ['NamedNode'],
  [SH('BlankNode')]: ['BlankNode'],
  [SH('Literal')]: ['Literal'],
  [SH('BlankNodeOrIRI')]: ['BlankNode', 'NamedNode'],
  [SH('BlankNodeOrLiteral')]: ['BlankNode', 'Literal'],
  [SH('IRIOrLiteral')]: ['NamedNode', 'Literal'],
};

/** Parameters every shape may carry, those about the value nodes one by one, and those of node and property shapes. */
const COMMON = ['message', 'severity'];
const VALUE = ['class', 'nodeKind', 'datatype', 'minLength', 'pattern', 'in', 'or', 'minInclusive'];
const NODE = ['targetClass', 'targetObjectsOf', 'property'];
const PROPERTY = ['path', 'minCount', 'maxCount', 'lessThanOrEquals', 'hasValue', 'qualifiedValueShape', 'qualifiedMinCount', 'qualifiedMaxCount'];

/** The value nodes that fail `test`, one by one. */
function eachValue(component: string, message: string, test: (value: Term, data: DataGraph) => boolean): Constraint {
  return { component: SH(component), message, failures: (_focus, values, data) => values.filter((value) => !test(value, data)) };
}

/** One failure, about the values as a whole, when `passes` is false. */
function whole(component: string, message: string, passes: (focus: Term, values: readonly Term[], data: DataGraph) => boolean): Constraint {
  return { component: SH(component), message, failures: (focus, values, data) => (passes(focus, values, data) ? [] : [undefined]) };
}

class ShapesReader {
  constructor(private readonly shapes: TripleIndex) {}

  all(node: Term, parameter: string): Term[] {
    return this.shapes.select(node, this.term(parameter)).map((quad) => quad.object);
  }

  one(node: Term, parameter: string): Term | undefined {
    const values = this.all(node, parameter);
    if (values.length > 1) throw new Unsupported(`several sh:${parameter}`);
    return values[0];
  }

  count(node: Term, parameter: string): number | undefined {
    const value = this.one(node, parameter);
    return value === undefined ? undefined : Number.parseInt(value.value, 10);
  }

  list(head: Term): Term[] {
    const items: Term[] = [];
    for (let node = head; node.value !== `${NS.rdf}nil`; node = this.single(node, `${NS.rdf}rest`)) items.push(this.single(node, `${NS.rdf}first`));
    return items;
  }

  /** Refuses a shape with an sh: parameter outside `allowed`. */
  only(node: Term, allowed: readonly string[]): void {
    for (const { predicate } of this.shapes.select(node)) {
      if (predicate.value.startsWith(NS.sh) && !allowed.includes(predicate.value.slice(NS.sh.length))) throw new Unsupported(`sh:${predicate.value.slice(NS.sh.length)}`);
    }
  }

  private term(parameter: string): Term {
    return factory.namedNode(SH(parameter));
  }

  private single(node: Term, predicate: string): Term {
    const [value, ...more] = this.shapes.select(node).filter((quad) => quad.predicate.value === predicate).map((quad) => quad.object);
    if (value === undefined || more.length > 0) throw new Unsupported('a malformed RDF list');
    return value;
  }
}

/** The value constraints of one shape, each applied to every value node. */
function valueConstraints(read: ShapesReader, shape: Term): Constraint[] {
  const constraints = read.all(shape, 'class').map((type) => eachValue('ClassConstraintComponent', `Value is not an instance of ${type.value}`, (value, data) => data.isInstance(value, type)));
  const nodeKind = read.one(shape, 'nodeKind');
  if (nodeKind !== undefined) {
    const kinds = NODE_KINDS[nodeKind.value];
    if (kinds === undefined) throw new Unsupported(`sh:nodeKind ${nodeKind.value}`);
    constraints.push(eachValue('NodeKindConstraintComponent', `Value does not have node kind ${nodeKind.value}`, (value) => kinds.includes(value.termType)));
  }
  const datatype = read.one(shape, 'datatype');
  if (datatype !== undefined) constraints.push(eachValue('DatatypeConstraintComponent', `Value does not have datatype ${datatype.value}`, (value) => hasDatatype(value, datatype)));
  const minLength = read.count(shape, 'minLength');
  if (minLength !== undefined) constraints.push(eachValue('MinLengthConstraintComponent', `Value has less than ${minLength} characters`, (value) => value.termType !== 'BlankNode' && value.value.length >= minLength));
  const pattern = read.one(shape, 'pattern');
  if (pattern !== undefined) {
    const regex = new RegExp(pattern.value);
    constraints.push(eachValue('PatternConstraintComponent', `Value does not match pattern "${pattern.value}"`, (value) => value.termType !== 'BlankNode' && regex.test(value.value)));
  }
  const allowed = read.one(shape, 'in');
  if (allowed !== undefined) {
    const members = read.list(allowed);
    constraints.push(eachValue('InConstraintComponent', `Value is not in ${members.map((member) => member.value).join(', ')}`, (value) => members.some((member) => member.equals(value))));
  }
  const or = read.one(shape, 'or');
  if (or !== undefined) {
    const alternatives = read.list(or).map((member) => nestedShape(read, member));
    constraints.push(eachValue('OrConstraintComponent', 'Value does not conform to any shape of sh:or', (value, data) => alternatives.some((conforms) => conforms(value, data))));
  }
  const minInclusive = read.one(shape, 'minInclusive');
  if (minInclusive !== undefined) {
    constraints.push(eachValue('MinInclusiveConstraintComponent', `Value is not greater than or equal to ${minInclusive.value}`, (value) => (compareTerms(value, minInclusive) ?? -1) >= 0));
  }
  return constraints;
}

/** A shape inside sh:or or sh:qualifiedValueShape: whether one value node conforms to it. */
function nestedShape(read: ShapesReader, shape: Term): (value: Term, data: DataGraph) => boolean {
  read.only(shape, [...COMMON, ...VALUE]);
  const constraints = valueConstraints(read, shape);
  return (value, data) => constraints.every((constraint) => [...constraint.failures(value, [value], data)].length === 0);
}

/** Counts, pairs and qualified counts: constraints on a property's values as a whole. */
function propertyConstraints(read: ShapesReader, shape: Term): Constraint[] {
  const constraints: Constraint[] = [];
  const minCount = read.count(shape, 'minCount');
  if (minCount !== undefined) constraints.push(whole('MinCountConstraintComponent', `Less than ${minCount} values`, (_focus, values) => values.length >= minCount));
  const maxCount = read.count(shape, 'maxCount');
  if (maxCount !== undefined) constraints.push(whole('MaxCountConstraintComponent', `More than ${maxCount} values`, (_focus, values) => values.length <= maxCount));
  const expected = read.one(shape, 'hasValue');
  if (expected !== undefined) constraints.push(whole('HasValueConstraintComponent', `Missing expected value ${expected.value}`, (_focus, values) => values.some((value) => value.equals(expected))));
  const other = read.one(shape, 'lessThanOrEquals');
  if (other !== undefined) {
    constraints.push({
      component: SH('LessThanOrEqualsConstraintComponent'),
      message: `Value is not less than or equal to value of ${other.value}`,
      failures: (focus, values, data) => {
        const references = data.objects(focus, other);
        // One failure per pair, as SHACL asks: a value above two references fails twice.
        return values.flatMap((value) => references.filter((reference) => (compareTerms(value, reference) ?? 1) > 0).map(() => value));
      },
    });
  }
  const qualified = read.one(shape, 'qualifiedValueShape');
  const [qualifiedMin, qualifiedMax] = [read.count(shape, 'qualifiedMinCount'), read.count(shape, 'qualifiedMaxCount')];
  if (qualified !== undefined) {
    const conforms = nestedShape(read, qualified);
    const count = (values: readonly Term[], data: DataGraph): number => values.filter((value) => conforms(value, data)).length;
    if (qualifiedMax !== undefined) constraints.push(whole('QualifiedMaxCountConstraintComponent', `More than ${qualifiedMax} values have the qualified shape`, (_focus, values, data) => count(values, data) <= qualifiedMax));
    if (qualifiedMin !== undefined) constraints.push(whole('QualifiedMinCountConstraintComponent', `Less than ${qualifiedMin} values have the qualified shape`, (_focus, values, data) => count(values, data) >= qualifiedMin));
  } else if (qualifiedMin !== undefined || qualifiedMax !== undefined) {
    throw new Unsupported('a qualified count without sh:qualifiedValueShape');
  }
  return constraints;
}

function severityOf(read: ShapesReader, shape: Term): Severity {
  const severity = read.one(shape, 'severity');
  if (severity === undefined) return 'violation';
  const known = SEVERITIES[severity.value];
  if (known === undefined) throw new Unsupported(`sh:severity ${severity.value}`);
  return known;
}

function messageOf(read: ShapesReader, shape: Term): string | undefined {
  return read.one(shape, 'message')?.value;
}

function pathOf(read: ShapesReader, shape: Term): ResultPath & { readonly term: Term } {
  const path = read.one(shape, 'path');
  if (path?.termType === 'NamedNode') return { predicate: path.value, inverse: false, term: path };
  const inverse = path === undefined ? undefined : read.one(path, 'inversePath');
  if (path?.termType !== 'BlankNode' || inverse?.termType !== 'NamedNode') throw new Unsupported('a path other than a predicate or an inverse predicate');
  read.only(path, ['inversePath']);
  return { predicate: inverse.value, inverse: true, term: inverse };
}

function nodeShape(read: ShapesReader, shape: Term): NodeShape {
  read.only(shape, [...COMMON, ...VALUE, ...NODE]);
  if (shape.termType !== 'NamedNode') throw new Unsupported('a node shape without an IRI');
  const own: CompiledShape = { shape: shape.value, severity: severityOf(read, shape), message: messageOf(read, shape), constraints: valueConstraints(read, shape) };
  const properties = read.all(shape, 'property').map((property): CompiledShape => {
    read.only(property, [...COMMON, ...VALUE, ...PROPERTY]);
    return {
      shape: shape.value,
      path: pathOf(read, property),
      severity: severityOf(read, property),
      message: messageOf(read, property),
      constraints: [...propertyConstraints(read, property), ...valueConstraints(read, property)],
    };
  });
  return { targetClasses: read.all(shape, 'targetClass'), targetObjectsOf: read.all(shape, 'targetObjectsOf'), shapes: [own, ...properties] };
}

function focusNodes(shape: NodeShape, data: DataGraph): Term[] {
  const nodes = new Map<string, Term>();
  for (const type of shape.targetClasses) for (const node of data.instances(type)) nodes.set(termKey(node), node);
  for (const predicate of shape.targetObjectsOf) for (const { object } of data.triples.select(null, predicate)) nodes.set(termKey(object), object);
  return [...nodes.values()];
}

function check(shape: CompiledShape, focus: Term, data: DataGraph, findings: ValidationFinding[]): void {
  const { path } = shape;
  const values = path === undefined ? [focus] : path.inverse ? data.subjects(path.term, focus) : data.objects(focus, path.term);
  for (const constraint of shape.constraints) {
    for (const value of constraint.failures(focus, values, data)) {
      findings.push({
        severity: shape.severity,
        focusNode: focus,
        ...(path === undefined ? {} : { path: { predicate: path.predicate, inverse: path.inverse } }),
        shape: shape.shape,
        constraint: constraint.component,
        ...(value === undefined ? {} : { value }),
        message: shape.message ?? constraint.message,
      });
    }
  }
}

/**
 * The shapes graph compiled, or undefined when it uses a feature outside this file (sh:node,
 * sh:sparql, other targets or paths...) or a node shape is also a class (an implicit target).
 */
export function compileShapes(shapes: TripleIndex): CompiledShapes | undefined {
  const read = new ShapesReader(shapes);
  try {
    const targeted = new Map<string, Term>();
    for (const { subject, predicate, object } of shapes) {
      if ((predicate.value === RDF_TYPE && object.value === SH('NodeShape')) || predicate.value.startsWith(`${NS.sh}target`)) targeted.set(termKey(subject), subject);
    }
    for (const { subject, predicate, object } of shapes) {
      if (predicate.value === RDF_TYPE && object.value === `${NS.rdfs}Class` && targeted.has(termKey(subject))) throw new Unsupported('a node shape that is also a class');
    }
    const nodeShapes = [...targeted.values()].map((shape) => nodeShape(read, shape));
    return {
      validate: (triples) => {
        const data = new DataGraph(triples);
        const findings: ValidationFinding[] = [];
        for (const shape of nodeShapes) {
          for (const focus of focusNodes(shape, data)) for (const compiled of shape.shapes) check(compiled, focus, data, findings);
        }
        return findings;
      },
    };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
