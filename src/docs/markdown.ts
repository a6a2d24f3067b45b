/** The ontology documentation as Markdown: metadata, classes, properties, alignments, concept trees, shapes. */
import type { ClassDoc, ConceptNode, OntologyDoc, PropertyDoc, ShapeDoc } from './ontology-model.js';
import { shortener } from '../validate/format.js';
import { NS } from '../rdf/namespaces.js';

type Short = (iri: string) => string;

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string): string => `\`${text}\``;
const list = (values: readonly string[], short: Short): string => values.map((value) => code(short(value))).join(', ') || '—';
const isOwn = (iri: string): boolean => iri.startsWith(NS.pg);

function metadata(doc: OntologyDoc): string {
  const { metadata: meta } = doc;
  const rows: Array<[string, string | undefined]> = [
    ['IRI', `<${meta.iri}>`], ['Version', meta.version], ['License', meta.license], ['Creator', meta.creator],
  ];
  return (
    `# ${meta.title ?? 'peacegraph ontology'}\n\n${meta.description === undefined ? '' : `${meta.description}\n\n`}` +
    '| | |\n|---|---|\n' +
    rows.filter(([, value]) => value !== undefined).map(([key, value]) => `| ${key} | ${cell(value!)} |\n`).join('') +
    `\n${doc.classes.length} classes, ${doc.properties.length} properties, ${doc.schemes.length} concept schemes, ${doc.shapes.length} SHACL shapes.\n`
  );
}

function classSection(value: ClassDoc, short: Short): string {
  const aligned = [
    ...value.superClasses.map((iri) => `subclass of ${code(short(iri))}`),
    ...value.equivalentClasses.map((iri) => `equivalent to ${code(short(iri))}`),
  ];
  return (
    `### ${value.label} (${code(short(value.iri))})\n\n` +
    (value.comment === undefined ? '' : `${value.comment}\n\n`) +
    (aligned.length === 0 ? '' : `Aligned: ${aligned.join('; ')}.\n\n`)
  );
}

function propertyTable(properties: readonly PropertyDoc[], short: Short): string {
  const rows = properties.map(
    (property) =>
      `| ${code(short(property.iri))} | ${property.kind}${property.functional ? ', functional' : ''} | ${list(property.domains, short)} | ` +
      `${list(property.ranges, short)} | ${list([...property.superClasses, ...property.equivalentClasses], short)} | ${cell(property.comment ?? '')} |\n`,
  );
  return '| Property | Kind | Domain | Range | Sub-property of / equivalent to | Description |\n|---|---|---|---|---|---|\n' + rows.join('');
}

function alignmentTable(doc: OntologyDoc, short: Short): string {
  const rows = [
    ...doc.classes.flatMap((value) => [
      ...value.superClasses.filter((iri) => !isOwn(iri)).map((iri) => [value.iri, 'rdfs:subClassOf', iri] as const),
      ...value.equivalentClasses.map((iri) => [value.iri, 'owl:equivalentClass', iri] as const),
    ]),
    ...doc.properties.flatMap((value) => [
      ...value.superClasses.filter((iri) => !isOwn(iri)).map((iri) => [value.iri, 'rdfs:subPropertyOf', iri] as const),
      ...value.equivalentClasses.map((iri) => [value.iri, 'owl:equivalentProperty', iri] as const),
    ]),
  ];
  return '| Term | Relation | External term |\n|---|---|---|\n' + rows.map(([term, relation, external]) => `| ${code(short(term))} | ${relation} | ${code(short(external))} |\n`).join('');
}

function conceptTree(nodes: readonly ConceptNode[], short: Short, depth = 0): string {
  return nodes
    .map(
      (node) =>
        `${'  '.repeat(depth)}- **${node.label}** (${code(short(node.iri))})${node.definition === undefined ? '' : `: ${node.definition}`}\n` +
        conceptTree(node.children, short, depth + 1),
    )
    .join('');
}

function shapeSection(shape: ShapeDoc, short: Short): string {
  const count = (min?: number, max?: number): string => (min === undefined && max === undefined ? '' : `${min ?? 0}..${max ?? '*'}`);
  const rows = shape.properties.map((property) => {
    const constraints = property.constraints.map(({ name, value, isIri }) => `${name} ${isIri ? short(value) : value}`).join('; ');
    return (
      `| ${code(`${property.inverse ? '^' : ''}${short(property.path)}`)} | ${count(property.minCount, property.maxCount)} | ` +
      `${cell(constraints)} | ${cell(property.message ?? '')} |\n`
    );
  });
  const targets = shape.targets.map(({ kind, iri }) => `${kind} ${code(short(iri))}`).join(', ') || '—';
  return (
    `### ${shape.label} (${code(short(shape.iri))})\n\nTargets: ${targets}\n\n` +
    (rows.length === 0 ? '' : '| Path | Count | Constraints | Message |\n|---|---|---|---|\n' + rows.join('') + '\n')
  );
}

export function ontologyMarkdown(doc: OntologyDoc, prefixes: Readonly<Record<string, string>> = NS): string {
  const short = shortener(prefixes);
  return [
    metadata(doc),
    `## Classes\n\n${doc.classes.map((value) => classSection(value, short)).join('')}`,
    `## Properties\n\n${propertyTable(doc.properties, short)}`,
    `## Alignments with other vocabularies\n\n${alignmentTable(doc, short)}`,
    `## Concept schemes\n\n${doc.schemes.map((scheme) => `### ${scheme.label} (${code(short(scheme.iri))})\n\n${conceptTree(scheme.topConcepts, short)}\n`).join('')}`,
    `## SHACL shapes\n\nWhat \`peacegraph validate\` checks; every constraint reports its message when it fails.\n\n${doc.shapes.map((shape) => shapeSection(shape, short)).join('')}`,
  ].join('\n');
}
