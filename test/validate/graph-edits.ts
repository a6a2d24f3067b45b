/**
 * What the validate tests share: edits that break the fixture graph in one place, and what
 * rdf-validate-shacl (an independent SHACL engine, the one peacegraph used first) finds.
 */
import { DataFactory, Store } from 'n3';
import type { Quad, Quad_Object } from '@rdfjs/types';
import SHACLValidator from 'rdf-validate-shacl';
import { NS } from '../../src/rdf/namespaces.js';
import { loadShapes } from '../../src/validate/shapes.js';
import { unionGraph } from '../../src/rdf-io/serialise.js';
import type { ValidationFinding } from '../../src/validate/validate.js';
import { FIXTURE_BASE } from '../write/fixture.js';

const { namedNode, quad } = DataFactory;
export const id = (path: string) => namedNode(`${FIXTURE_BASE}${path}`);
export const term = (curie: string) => {
  const [prefix, local] = curie.split(':') as [keyof typeof NS, string];
  return namedNode(`${NS[prefix]}${local}`);
};

export const EVENT = 'event/geneva-peace-week-2017';
export const SESSION = 'session/geneva-peace-week-2017-1';
export const PERSON = 'person/einar-bjorgo';
export const MEMBERSHIP = 'membership/einar-bjorgo--unosat';
export const PARTICIPATION = 'participation/geneva-peace-week-2017-1--einar-bjorgo--speaker';

export type Edit = (quads: Quad[]) => Quad[];
export const drop = (subject: string, predicate: string): Edit => (quads) =>
  quads.filter((q) => !(q.subject.value === `${FIXTURE_BASE}${subject}` && q.predicate.equals(term(predicate))));
export const add = (subject: string, predicate: string, object: Quad_Object): Edit => (quads) => [...quads, quad(id(subject), term(predicate), object)];
export const set = (subject: string, predicate: string, object: Quad_Object): Edit => (quads) => add(subject, predicate, object)(drop(subject, predicate)(quads));

/** The first node of the fixture with this rdf:type (any will do), as a path under FIXTURE_BASE. */
export function firstOfType(quads: readonly Quad[], type: string): string {
  const typed = quads.find((q) => q.predicate.equals(term('rdf:type')) && q.object.equals(term(type)));
  return typed!.subject.value.slice(FIXTURE_BASE.length);
}

/** A finding as a sortable line: severity, focus node, path ('inverse' for an inverse path), constraint component. */
export function findingLine(finding: ValidationFinding): string {
  return [finding.severity, finding.focusNode.value, finding.path === undefined ? '' : finding.path.inverse ? 'inverse' : finding.path.predicate, finding.constraint].join(' ');
}

/** rdf-validate-shacl's findings on the union of the graphs, as findingLine writes them, sorted. */
export async function referenceFindings(quads: readonly Quad[]): Promise<string[]> {
  const validator = new SHACLValidator(new Store(await loadShapes()));
  const report = await validator.validate(new Store(unionGraph(quads)));
  return report.results.map((result) => [result.severity?.value.split('#')[1]!.toLowerCase(), result.focusNode?.value,
    result.path?.termType === 'NamedNode' ? result.path.value : result.path === null ? '' : 'inverse', result.sourceConstraintComponent?.value].join(' ')).sort();
}
