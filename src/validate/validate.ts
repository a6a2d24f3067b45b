/**
 * SHACL validation of a graph against ontology/shapes.ttl. The shapes are compiled once per shapes
 * file and thread, not once per graph: into plain functions (compiled.ts) when they use only the
 * SHACL features ontology/shapes.ttl uses, so the default build (which validates every report)
 * runs close to the speed of --no-validate; into shacl-engine for any other shapes. Findings are
 * plain typed records that name the node shape even when a property shape (a blank node) failed.
 * test/validate/*.test.ts check them against rdf-validate-shacl.
 */
import { Validator } from 'shacl-engine';
import { Store } from 'n3';
import { TripleIndex } from './triple-index.js';
import { STRING_AWARE_DATATYPE } from './string-datatype.js';
import { compileShapes, type CompiledShapes } from './compiled.js';
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import { factory } from '../rdf/factory.js';
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
    [finding.shape, finding.focusNode.value, finding.path?.predicate ?? '', finding.message, finding.value?.value ?? '', finding.constraint].join('\u0000');
  const [left, right] = [key(a), key(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}

export interface ValidateOptions {
  /** false: the graph was built without evidence, so the shapes' demand for pg:evidence is waived. */
  readonly evidence?: boolean;
}

const PG_EVIDENCE = `${NS.pg}evidence`;

/** shacl-engine's validator for shapes compiled.ts does not cover, with what its results leave out. */
class EngineShapes {
  private readonly validator: Validator;
  private readonly index: ShapeIndex;

  constructor(shapes: Quad[]) {
    this.validator = new Validator(new Store(shapes, { factory }), { factory, validations: [STRING_AWARE_DATATYPE] });
    this.index = indexShapes(shapes);
  }

  async validate(triples: TripleIndex): Promise<ValidationFinding[]> {
    const report = await this.validator.validate({ dataset: triples as unknown as DatasetCore });
    return report.results.map((result): ValidationFinding => {
      const source = result.shape.ptr.term?.value ?? '';
      const severity = SEVERITIES[result.severity.value] ?? 'violation';
      const path = this.index.path.get(source);
      const value = result.value?.term;
      return {
        severity,
        focusNode: result.focusNode.term!,
        ...(path === undefined ? {} : { path }),
        shape: this.index.owner.get(source) ?? source,
        constraint: result.constraintComponent.value,
        ...(value === undefined ? {} : { value }),
        message: result.message[0]?.value ?? this.index.message.get(source) ?? 'constraint not satisfied',
      };
    });
  }
}

/** Compiled shapes by shapes file: a corpus build validates thousands of reports against the same shapes. */
const compiled = new Map<string, Promise<CompiledShapes | EngineShapes>>();

function compiledShapes(shapesPath: string | undefined): Promise<CompiledShapes | EngineShapes> {
  const key = shapesPath ?? '';
  let entry = compiled.get(key);
  if (entry === undefined) {
    entry = loadShapes(shapesPath).then((shapes) => compileShapes(new TripleIndex(shapes)) ?? new EngineShapes(shapes));
    compiled.set(key, entry);
    entry.catch(() => compiled.delete(key));
  }
  return entry;
}

/**
 * Validates the union of all named graphs of `quads` (report graphs and the ontology graph with
 * the theme scheme, which class and scheme constraints need).
 */
export async function validateQuads(quads: Iterable<Quad>, shapesPath?: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const findings = await (await compiledShapes(shapesPath)).validate(new TripleIndex(quads));
  const kept = options.evidence === false ? findings.filter((finding) => finding.path?.predicate !== PG_EVIDENCE) : findings;
  kept.sort(compareFindings);
  const violations = kept.filter((finding) => finding.severity === 'violation').length;
  return { conforms: violations === 0, violations, findings: kept };
}
