/**
 * Compacted JSON-LD built straight from sorted triples with the project's context, one node object
 * per subject. It replaces jsonld.fromRDF + jsonld.compact, which is about 3x slower at 100k
 * triples (bench/jsonld-export.ts); test/write/jsonld.test.ts proves the output expands back to the
 * same graph. Only the context features ontology/context.jsonld uses are understood: prefixes,
 * "@id"/"@type" aliases, and terms with "@type" ("@id" or a datatype) or an "@language" container.
 */
import type { Literal, Quad, Term } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import type { JsonLdContext } from './jsonld.js';

interface TermDefinition {
  readonly name: string;
  /** "@id" for node references, a datatype IRI, or undefined for untyped terms. */
  readonly type?: string;
  readonly languageMap: boolean;
}

interface CompiledContext {
  /** [prefix, namespace], longest namespace first. */
  readonly prefixes: ReadonlyArray<readonly [string, string]>;
  readonly terms: ReadonlyMap<string, TermDefinition>;
  readonly idKey: string;
  readonly typeKey: string;
}

type JsonValue = string | { [key: string]: JsonValue } | JsonValue[];
type NodeObject = Record<string, JsonValue>;

const XSD_STRING = `${NS.xsd}string`;
const RDF_TYPE = `${NS.rdf}type`;

const SUPPORTED_TERM_KEYS = new Set(['@id', '@type', '@container']);

function isSupportedTerm(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  const definition = value as Record<string, unknown>;
  return (
    Object.keys(definition).every((key) => SUPPORTED_TERM_KEYS.has(key)) &&
    (definition['@container'] === undefined || definition['@container'] === '@language') &&
    definition['@type'] !== '@vocab'
  );
}

/** Refuses context features this compactor does not implement, rather than writing a wrong graph. */
function checkSupported(context: JsonLdContext): void {
  for (const [name, value] of Object.entries(context)) {
    if ((name.startsWith('@') && name !== '@version') || !isSupportedTerm(value)) {
      throw new Error(`JSON-LD context: "${name}" uses a feature the direct compactor does not support`);
    }
  }
}

function compileContext(context: JsonLdContext): CompiledContext {
  checkSupported(context);
  const prefixes: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(context)) {
    if (typeof value === 'string' && /[/#]$/.test(value) && !name.startsWith('@')) prefixes.push([name, value]);
  }
  const expand = (value: string): string => {
    const colon = value.indexOf(':');
    const namespace = colon > 0 ? prefixes.find(([name]) => name === value.slice(0, colon))?.[1] : undefined;
    return namespace === undefined ? value : namespace + value.slice(colon + 1);
  };
  const terms = new Map<string, TermDefinition>();
  let idKey = '@id';
  let typeKey = '@type';
  for (const [name, value] of Object.entries(context)) {
    if (name.startsWith('@')) continue;
    if (value === '@id') idKey = name;
    else if (value === '@type') typeKey = name;
    else if (typeof value === 'string' && !/[/#]$/.test(value)) terms.set(expand(value), { name, languageMap: false });
    else if (typeof value === 'object' && value !== null) {
      const definition = value as Record<string, string>;
      const type = definition['@type'];
      terms.set(expand(definition['@id'] ?? name), {
        name,
        ...(type === undefined ? {} : { type: type === '@id' ? '@id' : expand(type) }),
        languageMap: definition['@container'] === '@language',
      });
    }
  }
  prefixes.sort(([, a], [, b]) => b.length - a.length);
  return { prefixes, terms, idKey, typeKey };
}

/** "prefix:local" when a prefix covers the IRI and the result cannot be misread, else the IRI itself. */
function compactIri(context: CompiledContext, iri: string): string {
  for (const [prefix, namespace] of context.prefixes) {
    const local = iri.slice(namespace.length);
    if (iri.startsWith(namespace) && local !== '' && !local.startsWith('//')) return `${prefix}:${local}`;
  }
  return iri;
}

function nodeId(context: CompiledContext, term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : compactIri(context, term.value);
}

/** The value under the term, or undefined when the term's definition does not fit the value. */
function termValue(context: CompiledContext, definition: TermDefinition, object: Term): JsonValue | undefined {
  const isNode = object.termType === 'NamedNode' || object.termType === 'BlankNode';
  if (definition.type === '@id') return isNode ? nodeId(context, object) : undefined;
  if (isNode) return definition.type === undefined && !definition.languageMap ? { [context.idKey]: nodeId(context, object) } : undefined;
  const literal = object as Literal;
  if (definition.languageMap) return undefined;
  if (definition.type !== undefined) return literal.datatype.value === definition.type ? literal.value : undefined;
  return expandedLiteral(context, literal);
}

function expandedLiteral(context: CompiledContext, literal: Literal): JsonValue {
  if (literal.language !== '') return { '@value': literal.value, '@language': literal.language };
  if (literal.datatype.value === XSD_STRING) return literal.value;
  return { '@value': literal.value, [context.typeKey]: compactIri(context, literal.datatype.value) };
}

function plainValue(context: CompiledContext, object: Term): JsonValue {
  return object.termType === 'Literal' ? expandedLiteral(context, object) : { [context.idKey]: nodeId(context, object) };
}

function append(node: NodeObject, key: string, value: JsonValue): void {
  const existing = node[key];
  if (existing === undefined) node[key] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else node[key] = [existing, value];
}

/** Values of one predicate: under its term where the definition fits, else under the compact IRI. */
function addValues(context: CompiledContext, node: NodeObject, predicate: string, objects: readonly Term[]): void {
  const definition = context.terms.get(predicate);
  const fallbackKey = compactIri(context, predicate);
  const languageOnly = objects.every((object) => object.termType === 'Literal' && object.language !== '');
  if (definition?.languageMap === true && languageOnly) {
    const map: Record<string, JsonValue> = {};
    for (const object of objects as readonly Literal[]) append(map, object.language, object.value);
    node[definition.name] = map;
    return;
  }
  for (const object of objects) {
    const value = definition === undefined ? undefined : termValue(context, definition, object);
    if (value !== undefined && definition !== undefined) append(node, definition.name, value);
    else append(node, fallbackKey, plainValue(context, object));
  }
}

function isRdfTypeOfNode(quad: Quad): boolean {
  return quad.predicate.value === RDF_TYPE && quad.object.termType !== 'Literal';
}

/** Consecutive runs of items with the same key (the input is sorted by that key). */
function runs<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last !== undefined && key(last[0]!) === key(item)) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

function buildNode(context: CompiledContext, triples: readonly Quad[]): NodeObject {
  const node: NodeObject = { [context.idKey]: nodeId(context, triples[0]!.subject) };
  const types = triples.filter(isRdfTypeOfNode).map((quad) => compactIri(context, quad.object.value));
  if (types.length > 0) node[context.typeKey] = types.length === 1 ? types[0]! : types;
  const rest = triples.filter((quad) => !isRdfTypeOfNode(quad));
  for (const group of runs(rest, (quad) => quad.predicate.value)) {
    addValues(context, node, group[0]!.predicate.value, group.map((quad) => quad.object));
  }
  return node;
}

const compiledContexts = new WeakMap<JsonLdContext, CompiledContext>();

/**
 * Node objects of `triples`, which must be sorted by subject then predicate (unionGraph's order) so
 * equal subjects and predicates are adjacent.
 */
export function compactNodes(triples: readonly Quad[], context: JsonLdContext): Array<Record<string, unknown>> {
  let compiled = compiledContexts.get(context);
  if (compiled === undefined) {
    compiled = compileContext(context);
    compiledContexts.set(context, compiled);
  }
  const subjectKey = (quad: Quad): string => `${quad.subject.termType}\u0000${quad.subject.value}`;
  return runs(triples, subjectKey).map((group) => buildNode(compiled, group));
}

/** Compacted JSON-LD document of `triples`, sorted as for compactNodes. */
export function compactTriples(triples: readonly Quad[], context: JsonLdContext): Record<string, unknown> {
  return { '@context': context, '@graph': compactNodes(triples, context) };
}
