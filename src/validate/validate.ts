/**
 * SHACL validation of a graph against ontology/shapes.ttl, with rdf-validate-shacl (its default
 * factory: rdf-ext as factory fails at run time, NOTES.md). The library's report is turned into
 * plain typed findings that name the node shape even when a property shape (a blank node) failed.
 */
import SHACLValidator from 'rdf-validate-shacl';
import { Store } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import { unionGraph } from '../write/serialise.js';
import { loadShapes } from './shapes.js';

export type Severity = 'violation' | 'warning' | 'info';

/** A property path as shapes.ttl writes them: one predicate, possibly inverse. */
export interface ResultPath {
  readonly predicate: string;
  readonly inverse: boolean;
}

export interface ValidationFinding {
  readonly severity: Severity;
  readonly focusNode: Term;
  readonly path?: ResultPath;
  /** IRI of the named node shape the failed constraint belongs to. */
  readonly shape: string;
  /** IRI of the SHACL constraint component (sh:MinCountConstraintComponent...). */
  readonly constraint: string;
  readonly value?: Term;
  readonly message: string;
}

export interface ValidationReport {
  /** True when there is no violation (warnings and infos do not fail a graph). */
  readonly conforms: boolean;
  readonly violations: number;
  readonly findings: readonly ValidationFinding[];
}

const SH = (name: string): string => `${NS.sh}${name}`;

const SEVERITIES: Readonly<Record<string, Severity>> = {
  [SH('Violation')]: 'violation',
  [SH('Warning')]: 'warning',
  [SH('Info')]: 'info',
};

/** Facts about the shapes graph that the validation report does not carry. */
interface ShapeIndex {
  /** Property shape (blank node id or IRI) -> node shape that holds it. */
  readonly owner: ReadonlyMap<string, string>;
  readonly path: ReadonlyMap<string, ResultPath>;
  readonly message: ReadonlyMap<string, string>;
}

function indexShapes(shapes: readonly Quad[]): ShapeIndex {
  const owner = new Map<string, string>();
  const inverse = new Map<string, string>();
  const pathNode = new Map<string, Term>();
  const message = new Map<string, string>();
  for (const { subject, predicate, object } of shapes) {
    if (predicate.value === SH('property')) owner.set(object.value, subject.value);
    else if (predicate.value === SH('inversePath')) inverse.set(subject.value, object.value);
    else if (predicate.value === SH('path')) pathNode.set(subject.value, object);
    else if (predicate.value === SH('message')) message.set(subject.value, object.value);
  }
  const path = new Map<string, ResultPath>();
  for (const [shape, node] of pathNode) {
    const inverted = node.termType === 'BlankNode' ? inverse.get(node.value) : undefined;
    if (inverted !== undefined) path.set(shape, { predicate: inverted, inverse: true });
    else if (node.termType === 'NamedNode') path.set(shape, { predicate: node.value, inverse: false });
  }
  return { owner, path, message };
}

function compareFindings(a: ValidationFinding, b: ValidationFinding): number {
  const key = (finding: ValidationFinding): string =>
    [finding.shape, finding.focusNode.value, finding.path?.predicate ?? '', finding.message, finding.value?.value ?? ''].join('\u0000');
  const [left, right] = [key(a), key(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}

export interface ValidateOptions {
  /** false: the graph was built without evidence, so the shapes' demand for pg:evidence is waived. */
  readonly evidence?: boolean;
}

const PG_EVIDENCE = `${NS.pg}evidence`;

/**
 * Validates the union of all named graphs of `quads` (report graphs and the ontology graph with
 * the theme scheme, which class and scheme constraints need).
 */
export async function validateQuads(quads: Iterable<Quad>, shapesPath?: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const shapes = await loadShapes(shapesPath);
  const index = indexShapes(shapes);
  const validator = new SHACLValidator(new Store(shapes));
  const report = await validator.validate(new Store(unionGraph(quads)));
  const findings = report.results.map((result): ValidationFinding => {
    const source = result.sourceShape?.value ?? '';
    const severity = SEVERITIES[result.severity?.value ?? ''] ?? 'violation';
    const path = index.path.get(source);
    const value = result.value ?? undefined;
    return {
      severity,
      focusNode: result.focusNode,
      ...(path === undefined ? {} : { path }),
      shape: index.owner.get(source) ?? source,
      constraint: result.sourceConstraintComponent?.value ?? '',
      ...(value === undefined ? {} : { value }),
      message: result.message[0]?.value ?? index.message.get(source) ?? 'constraint not satisfied',
    };
  });
  const kept = options.evidence === false ? findings.filter((finding) => finding.path?.predicate !== PG_EVIDENCE) : findings;
  kept.sort(compareFindings);
  const violations = kept.filter((finding) => finding.severity === 'violation').length;
  return { conforms: violations === 0, violations, findings: kept };
}
