/**
 * What the ontology documentation shows, read from the ontology files: the project's classes and
 * properties with their alignments, the concept schemes as trees, and the SHACL shapes.
 */
import { readFile } from 'node:fs/promises';
import { Parser, Store } from 'n3';
import type { Quad_Subject, Term } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import { factory } from '../rdf/factory.js';

const { namedNode } = factory;
const iri = (prefix: keyof typeof NS, local: string) => namedNode(`${NS[prefix]}${local}`);

export interface OntologyMetadata {
  readonly iri: string;
  readonly title?: string;
  readonly description?: string;
  readonly version?: string;
  readonly license?: string;
  readonly creator?: string;
}

export interface ClassDoc {
  readonly iri: string;
  readonly label: string;
  readonly comment?: string;
  readonly superClasses: readonly string[];
  readonly equivalentClasses: readonly string[];
}

export interface PropertyDoc extends ClassDoc {
  readonly kind: 'object' | 'datatype';
  readonly functional: boolean;
  readonly domains: readonly string[];
  readonly ranges: readonly string[];
}

export interface ConceptNode {
  readonly iri: string;
  readonly label: string;
  readonly definition?: string;
  readonly children: readonly ConceptNode[];
}

export interface SchemeDoc {
  readonly iri: string;
  readonly label: string;
  readonly topConcepts: readonly ConceptNode[];
}

export interface ShapeConstraintDoc {
  /** Local name of the SHACL parameter: "datatype", "class", "pattern"... */
  readonly name: string;
  readonly value: string;
  readonly isIri: boolean;
}

export interface ShapePropertyDoc {
  readonly path: string;
  readonly inverse: boolean;
  readonly minCount?: number;
  readonly maxCount?: number;
  readonly constraints: readonly ShapeConstraintDoc[];
  readonly message?: string;
}

export interface ShapeTargetDoc {
  readonly kind: 'class' | 'objects of';
  readonly iri: string;
}

export interface ShapeDoc {
  readonly iri: string;
  readonly label: string;
  readonly targets: readonly ShapeTargetDoc[];
  readonly properties: readonly ShapePropertyDoc[];
}

export interface OntologyDoc {
  readonly metadata: OntologyMetadata;
  readonly classes: readonly ClassDoc[];
  readonly properties: readonly PropertyDoc[];
  readonly schemes: readonly SchemeDoc[];
  readonly shapes: readonly ShapeDoc[];
}

const byIri = <T extends { iri: string }>(a: T, b: T): number => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0);
const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

class Reader {
  constructor(private readonly store: Store) {}

  objects(subject: Term, predicate: Term): Term[] {
    return this.store.getObjects(subject as Quad_Subject, predicate, null);
  }

  iris(subject: Term, predicate: Term): string[] {
    return sorted(this.objects(subject, predicate).filter((term) => term.termType === 'NamedNode').map((term) => term.value));
  }

  /** The English (or untagged, or any) literal value. */
  text(subject: Term, predicate: Term): string | undefined {
    const literals = this.objects(subject, predicate).filter((term) => term.termType === 'Literal');
    const preferred = literals.find((term) => term.language === 'en') ?? literals.find((term) => term.language === '') ?? literals[0];
    return preferred?.value;
  }

  value(subject: Term, predicate: Term): string | undefined {
    return this.text(subject, predicate) ?? this.iris(subject, predicate)[0];
  }

  label(subject: Term): string {
    return this.text(subject, iri('rdfs', 'label')) ?? this.text(subject, iri('skos', 'prefLabel')) ?? subject.value.replace(/^.*[#/]/, '');
  }

  /** Members of an RDF collection, in order. */
  list(head: Term): Term[] {
    const members: Term[] = [];
    for (let node: Term | undefined = head; node !== undefined && node.value !== `${NS.rdf}nil`; node = this.objects(node, iri('rdf', 'rest'))[0]) {
      members.push(...this.objects(node, iri('rdf', 'first')));
    }
    return members;
  }

  subjectsOfType(type: Term, namespace?: string): Quad_Subject[] {
    return this.store
      .getSubjects(iri('rdf', 'type'), type, null)
      .filter((subject) => subject.termType === 'NamedNode' && (namespace === undefined || subject.value.startsWith(namespace)));
  }
}

function readClass(reader: Reader, subject: Term): ClassDoc {
  const comment = reader.text(subject, iri('rdfs', 'comment'));
  return {
    iri: subject.value,
    label: reader.label(subject),
    ...(comment === undefined ? {} : { comment }),
    superClasses: reader.iris(subject, iri('rdfs', 'subClassOf')),
    equivalentClasses: reader.iris(subject, iri('owl', 'equivalentClass')),
  };
}

function readProperties(reader: Reader): PropertyDoc[] {
  const kinds: Array<[PropertyDoc['kind'], Term]> = [['object', iri('owl', 'ObjectProperty')], ['datatype', iri('owl', 'DatatypeProperty')]];
  return kinds
    .flatMap(([kind, type]) =>
      reader.subjectsOfType(type, NS.pg).map((subject): PropertyDoc => {
        const base = readClass(reader, subject);
        return {
          ...base,
          kind,
          superClasses: reader.iris(subject, iri('rdfs', 'subPropertyOf')),
          equivalentClasses: reader.iris(subject, iri('owl', 'equivalentProperty')),
          functional: reader.iris(subject, iri('rdf', 'type')).includes(`${NS.owl}FunctionalProperty`),
          domains: reader.iris(subject, iri('rdfs', 'domain')),
          ranges: reader.iris(subject, iri('rdfs', 'range')),
        };
      }),
    )
    .sort(byIri);
}

function readSchemes(reader: Reader, store: Store): SchemeDoc[] {
  const concepts = reader.subjectsOfType(iri('skos', 'Concept'));
  const children = new Map<string, Set<string>>();
  const link = (parent: string, child: string) => children.set(parent, (children.get(parent) ?? new Set()).add(child));
  for (const quad of store.getQuads(null, iri('skos', 'broader'), null, null)) link(quad.object.value, quad.subject.value);
  for (const quad of store.getQuads(null, iri('skos', 'narrower'), null, null)) link(quad.subject.value, quad.object.value);
  const node = (value: string, seen: ReadonlySet<string>): ConceptNode => {
    const subject = namedNode(value);
    const definition = reader.text(subject, iri('skos', 'definition'));
    const next = new Set([...seen, value]);
    return {
      iri: value,
      label: reader.label(subject),
      ...(definition === undefined ? {} : { definition }),
      children: sorted(children.get(value) ?? []).filter((child) => !seen.has(child)).map((child) => node(child, next)).sort(byLabel),
    };
  };
  const hasParent = new Set([...children.values()].flatMap((set) => [...set]));
  return reader
    .subjectsOfType(iri('skos', 'ConceptScheme'))
    .map((scheme): SchemeDoc => {
      const declared = [
        ...reader.iris(scheme, iri('skos', 'hasTopConcept')),
        ...store.getSubjects(iri('skos', 'topConceptOf'), scheme, null).map((term) => term.value),
      ];
      const inScheme = concepts
        .filter((concept) => reader.iris(concept, iri('skos', 'inScheme')).includes(scheme.value) && !hasParent.has(concept.value))
        .map((concept) => concept.value);
      return { iri: scheme.value, label: reader.label(scheme), topConcepts: sorted([...declared, ...inScheme]).map((top) => node(top, new Set())).sort(byLabel) };
    })
    .sort(byIri);
}

function byLabel(a: ConceptNode, b: ConceptNode): number {
  return a.label.localeCompare(b.label, 'en') || byIri(a, b);
}

function readShapes(reader: Reader): ShapeDoc[] {
  const sh = (local: string) => namedNode(`${NS.sh}${local}`);
  const count = (subject: Term, local: string): number | undefined => {
    const value = reader.text(subject, sh(local));
    return value === undefined ? undefined : Number(value);
  };
  const path = (subject: Term): { path: string; inverse: boolean } => {
    const [term] = reader.objects(subject, sh('path'));
    if (term?.termType === 'NamedNode') return { path: term.value, inverse: false };
    return { path: term === undefined ? '' : (reader.iris(term, sh('inversePath'))[0] ?? ''), inverse: true };
  };
  const CONSTRAINTS = ['datatype', 'class', 'nodeKind', 'in', 'pattern', 'hasValue', 'lessThanOrEquals', 'minInclusive', 'minLength', 'qualifiedValueShape'];
  const constraints = (subject: Term): ShapeConstraintDoc[] =>
    CONSTRAINTS.flatMap((name) => {
      const [value] = reader.objects(subject, sh(name));
      if (value === undefined) return [];
      // A qualified value shape is documented by the class it requires, a list by its members.
      if (name === 'qualifiedValueShape') return reader.iris(value, sh('class')).map((target) => ({ name: 'qualified class', value: target, isIri: true }));
      if (name === 'in') return reader.list(value).map((member) => ({ name: 'in', value: member.value, isIri: member.termType === 'NamedNode' }));
      return [{ name, value: value.value, isIri: value.termType === 'NamedNode' }];
    });
  const comparePaths = (a: ShapePropertyDoc, b: ShapePropertyDoc): number =>
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.message ?? '').localeCompare(b.message ?? '', 'en');
  return reader
    .subjectsOfType(sh('NodeShape'))
    .map((shape): ShapeDoc => ({
      iri: shape.value,
      label: reader.label(shape),
      targets: [
        ...reader.iris(shape, sh('targetClass')).map((target): ShapeTargetDoc => ({ kind: 'class', iri: target })),
        ...reader.iris(shape, sh('targetObjectsOf')).map((target): ShapeTargetDoc => ({ kind: 'objects of', iri: target })),
      ],
      properties: reader
        .objects(shape, sh('property'))
        .map((property): ShapePropertyDoc => {
          const [minCount, maxCount, message] = [count(property, 'minCount'), count(property, 'maxCount'), reader.text(property, sh('message'))];
          return {
            ...path(property),
            ...(minCount === undefined ? {} : { minCount }),
            ...(maxCount === undefined ? {} : { maxCount }),
            constraints: constraints(property),
            ...(message === undefined ? {} : { message }),
          };
        })
        .sort(comparePaths),
    }))
    .sort(byIri);
}

function readMetadata(reader: Reader, store: Store): OntologyMetadata {
  const ontology = store
    .getSubjects(iri('rdf', 'type'), iri('owl', 'Ontology'), null)
    .find((subject) => subject.value === NS.pg.replace(/#$/, ''));
  if (ontology === undefined) return { iri: NS.pg };
  const field = (key: keyof OntologyMetadata, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    iri: ontology.value,
    ...field('title', reader.text(ontology, iri('dct', 'title'))),
    ...field('description', reader.text(ontology, iri('dct', 'description'))),
    ...field('version', reader.text(ontology, iri('owl', 'versionInfo'))),
    ...field('license', reader.value(ontology, iri('dct', 'license'))),
    ...field('creator', reader.value(ontology, iri('dct', 'creator'))),
  };
}

export async function readOntologyDoc(paths: readonly string[]): Promise<OntologyDoc> {
  const store = new Store(undefined, { factory });
  for (const path of paths) {
    try {
      store.addQuads(new Parser({ baseIRI: `file://${path}`, factory }).parse(await readFile(path, 'utf8')));
    } catch (error) {
      throw new Error(`${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  const reader = new Reader(store);
  return {
    metadata: readMetadata(reader, store),
    classes: reader.subjectsOfType(iri('owl', 'Class'), NS.pg).map((subject) => readClass(reader, subject)).sort(byIri),
    properties: readProperties(reader),
    schemes: readSchemes(reader, store),
    shapes: readShapes(reader),
  };
}
