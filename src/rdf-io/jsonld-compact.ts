/**
 * Compacted JSON-LD built straight from sorted triples with the project's context, one node object
 * per subject. It replaces jsonld.fromRDF + jsonld.compact, which is about 3x slower at 100k
 * triples (bench/jsonld-export.ts); test/rdf-io/jsonld.test.ts proves the output expands back to the
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
  /** Namespace -> prefix (the first declared, where two share a namespace); namespaces end with "/" or "#". */
  readonly prefixOf: ReadonlyMap<string, string>;
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
  const prefixOf = new Map<string, string>();
  for (const [name, namespace] of prefixes) if (!prefixOf.has(namespace)) prefixOf.set(namespace, name);
  return { prefixOf, terms, idKey, typeKey };
}

/**
 * "prefix:local" with the longest namespace that covers the IRI and leaves a local part that
 * cannot be misread, else the IRI itself. Namespaces end with "/" or "#", so the candidates are
 * the IRI's own prefixes up to each of those, tried from the longest.
 */
/** A compiled context while it compacts one set of triples, with the compact IRIs found so far. */
interface Compaction extends CompiledContext {
  readonly compactIris: Map<string, string>;
}

function compactIri(context: Compaction, iri: string): string {
  let compact = context.compactIris.get(iri);
  if (compact === undefined) {
    compact = compactIriOnce(context, iri);
    context.compactIris.set(iri, compact);
  }
  return compact;
}

function compactIriOnce(context: CompiledContext, iri: string): string {
  // The local part must not be empty: the last separator that counts stands before the last character.
  for (let before = iri.length - 2; before >= 0;) {
    const separator = Math.max(iri.lastIndexOf('/', before), iri.lastIndexOf('#', before));
    if (separator < 0) break;
    const local = separator + 1;
    const prefix = context.prefixOf.get(iri.slice(0, local));
    if (prefix !== undefined && !iri.startsWith('//', local)) return `${prefix}:${iri.slice(local)}`;
    before = separator - 1;
  }
  return iri;
}

function nodeId(context: Compaction, term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : compactIri(context, term.value);
}

/** The value under the term, or undefined when the term's definition does not fit the value. */
function termValue(context: Compaction, definition: TermDefinition, object: Term): JsonValue | undefined {
  const isNode = object.termType === 'NamedNode' || object.termType === 'BlankNode';
  if (definition.type === '@id') return isNode ? nodeId(context, object) : undefined;
  if (isNode) return definition.type === undefined && !definition.languageMap ? { [context.idKey]: nodeId(context, object) } : undefined;
  const literal = object as Literal;
  if (definition.languageMap) return undefined;
  if (definition.type !== undefined) return literal.datatype.value === definition.type ? literal.value : undefined;
  return expandedLiteral(context, literal);
}

function expandedLiteral(context: Compaction, literal: Literal): JsonValue {
  if (literal.language !== '') return { '@value': literal.value, '@language': literal.language };
  if (literal.datatype.value === XSD_STRING) return literal.value;
  return { '@value': literal.value, [context.typeKey]: compactIri(context, literal.datatype.value) };
}

function plainValue(context: Compaction, object: Term): JsonValue {
  return object.termType === 'Literal' ? expandedLiteral(context, object) : { [context.idKey]: nodeId(context, object) };
}

function append(node: NodeObject, key: string, value: JsonValue): void {
  const existing = node[key];
  if (existing === undefined) node[key] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else node[key] = [existing, value];
}

/** Values of one predicate: under its term where the definition fits, else under the compact IRI. */
function addValues(context: Compaction, node: NodeObject, predicate: string, objects: readonly Term[]): void {
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

/** Consecutive runs of quads with the same term at `position` (the input is sorted by it). */
function runs(quads: readonly Quad[], position: 'subject' | 'predicate'): Quad[][] {
  const groups: Quad[][] = [];
  for (const quad of quads) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[0]![position].equals(quad[position])) last.push(quad);
    else groups.push([quad]);
  }
  return groups;
}

function buildNode(context: Compaction, triples: readonly Quad[]): NodeObject {
  const node: NodeObject = { [context.idKey]: nodeId(context, triples[0]!.subject) };
  const types = triples.filter(isRdfTypeOfNode).map((quad) => compactIri(context, quad.object.value));
  if (types.length > 0) node[context.typeKey] = types.length === 1 ? types[0]! : types;
  const rest = triples.filter((quad) => !isRdfTypeOfNode(quad));
  for (const group of runs(rest, 'predicate')) {
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
  const compaction: Compaction = { ...compiled, compactIris: new Map() };
  return runs(triples, 'subject').map((group) => buildNode(compaction, group));
}

/** Compacted JSON-LD document of `triples`, sorted as for compactNodes. */
export function compactTriples(triples: readonly Quad[], context: JsonLdContext): Record<string, unknown> {
  return { '@context': context, '@graph': compactNodes(triples, context) };
}
