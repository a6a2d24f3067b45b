/**
 * Generates the code's vocabulary and the JSON-LD context from the ontology (ontology/*.ttl), so a
 * term is declared in one place. Writes
 * - src/rdf/vocab.generated.ts: the namespaces (the ontology's prefixes) and, per namespace, the
 *   local names declared there as literal tuples, so a constant for an undeclared term fails to
 *   typecheck;
 * - ontology/context.jsonld: the prefixes, and a short name for every property with a declared kind
 *   (object properties as node references, datatype properties with their one datatype range,
 *   language-tagged text as language maps).
 * Both are git-ignored; src/ontology/generate-vocab.ts runs this on the project.
 */
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Parser, Store, DataFactory, type Quad } from 'n3';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const VANN = 'http://purl.org/vocab/vann/';
/** The graph's public contract: where two properties share a local name, schema.org's gets it. */
const SCHEMA = 'http://schema.org/';

const { namedNode } = DataFactory;
const TYPE = namedNode(`${RDF}type`);
const IS_DEFINED_BY = namedNode(`${RDFS}isDefinedBy`);
const RANGE = namedNode(`${RDFS}range`);
const PROPERTY_KINDS = ['ObjectProperty', 'DatatypeProperty', 'AnnotationProperty'] as const;
type PropertyKind = (typeof PROPERTY_KINDS)[number];

/** A local name the constants can use as a property key as it is (no quoting). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Ontology {
  /** Prefix -> namespace, in the order the files (sorted by name) declare them. */
  readonly prefixes: ReadonlyMap<string, string>;
  readonly store: Store;
  /** The ontology's own namespace (vann:preferredNamespaceUri). */
  readonly ownNamespace: string;
}

async function readOntology(directory: string): Promise<Ontology> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.ttl')).sort();
  const prefixes = new Map<string, string>();
  const store = new Store();
  for (const file of files) {
    const path = join(directory, file);
    let quads: Quad[];
    try {
      quads = new Parser({ baseIRI: `file://${path}` }).parse(await readFile(path, 'utf8'), null, (name, iri) => addPrefix(prefixes, name, iri.value, path));
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`);
    }
    store.addQuads(quads);
  }
  const own = store.getObjects(null, namedNode(`${VANN}preferredNamespaceUri`), null);
  if (own.length !== 1) throw new Error(`${directory}: expected one vann:preferredNamespaceUri (the ontology's namespace), found ${own.length}`);
  return { prefixes, store, ownNamespace: own[0]!.value };
}

function addPrefix(prefixes: Map<string, string>, name: string, namespace: string, path: string): void {
  const known = prefixes.get(name);
  if (known !== undefined && known !== namespace) throw new Error(`${path}: prefix ${name}: is <${namespace}> here and <${known}> in another ontology file`);
  if (!IDENTIFIER.test(name)) throw new Error(`${path}: prefix ${name}: cannot name a constant`);
  prefixes.set(name, namespace);
}

/**
 * A term of the ontology's namespace is declared by an rdf:type; a term of another vocabulary by an
 * rdfs:isDefinedBy naming the vocabulary its IRI starts with.
 */
function declaredTerms(ontology: Ontology): Set<string> {
  const declared = new Set<string>();
  for (const subject of ontology.store.getSubjects(null, null, null)) {
    if (subject.termType !== 'NamedNode') continue;
    const iri = subject.value;
    const byType = iri.startsWith(ontology.ownNamespace) && ontology.store.countQuads(subject, TYPE, null, null) > 0;
    if (byType || ontology.store.getObjects(subject, IS_DEFINED_BY, null).some((vocabulary) => iri.startsWith(vocabulary.value))) declared.add(iri);
  }
  return declared;
}

/** Per prefix, the sorted local names declared in its namespace (prefixes with none left out). */
function localNames(ontology: Ontology): Map<string, string[]> {
  const declared = [...declaredTerms(ontology)].sort();
  const names = new Map<string, string[]>();
  for (const [prefix, namespace] of ontology.prefixes) {
    const local = declared.filter((iri) => iri.startsWith(namespace) && IDENTIFIER.test(iri.slice(namespace.length))).map((iri) => iri.slice(namespace.length));
    if (local.length > 0) names.set(prefix, local);
  }
  const named = new Set([...names].flatMap(([prefix, local]) => local.map((name) => ontology.prefixes.get(prefix)! + name)));
  const unnamed = declared.filter((iri) => !named.has(iri));
  if (unnamed.length > 0) throw new Error(`declared terms with no prefix or a local name that is not an identifier: ${unnamed.join(', ')}`);
  return names;
}

function propertyKind(ontology: Ontology, iri: string): PropertyKind | undefined {
  return PROPERTY_KINDS.find((kind) => ontology.store.countQuads(namedNode(iri), TYPE, namedNode(`${OWL}${kind}`), null) > 0);
}

type TermDefinition = string | { readonly '@id': string; readonly '@type'?: string; readonly '@container'?: '@language' };

function jsonLdContext(ontology: Ontology): Record<string, unknown> {
  const compact = (iri: string): string => {
    for (const [prefix, namespace] of ontology.prefixes) if (iri.startsWith(namespace) && iri.length > namespace.length) return `${prefix}:${iri.slice(namespace.length)}`;
    return iri;
  };
  const definition = (iri: string, kind: PropertyKind): TermDefinition => {
    const id = compact(iri);
    if (kind === 'ObjectProperty') return { '@id': id, '@type': '@id' };
    const ranges = ontology.store.getObjects(namedNode(iri), RANGE, null);
    const range = ranges.length === 1 && ranges[0]!.termType === 'NamedNode' ? ranges[0]!.value : undefined;
    if (range === `${RDF}langString`) return { '@id': id, '@container': '@language' };
    if (range === undefined || range === `${XSD}string` || range === `${RDFS}Literal`) return id;
    return { '@id': id, '@type': compact(range) };
  };
  const rank = (iri: string): number => (iri.startsWith(SCHEMA) ? 0 : iri.startsWith(ontology.ownNamespace) ? 1 : 2);
  const terms = new Map<string, { readonly iri: string; readonly definition: TermDefinition }>();
  const properties = [...declaredTerms(ontology)].sort().flatMap((iri) => {
    const kind = propertyKind(ontology, iri);
    return kind === undefined ? [] : [{ iri, kind }];
  });
  for (const { iri, kind } of properties.sort((a, b) => rank(a.iri) - rank(b.iri))) {
    const name = compact(iri).slice(compact(iri).indexOf(':') + 1);
    // A property that loses its short name to another is still written, by its prefixed name.
    if (!terms.has(name)) terms.set(name, { iri, definition: definition(iri, kind) });
  }
  return {
    '@version': 1.1,
    ...Object.fromEntries(ontology.prefixes),
    id: '@id',
    type: '@type',
    ...Object.fromEntries([...terms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, term]) => [name, term.definition])),
  };
}

function vocabularyModule(ontology: Ontology, source: string): string {
  const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const namespaces = [...ontology.prefixes].map(([prefix, namespace]) => `  ${prefix}: ${quote(namespace)},`);
  const names = [...localNames(ontology)].map(([prefix, local]) => `  ${prefix}: [${local.map(quote).join(', ')}],`);
  return [
    `// Generated from ${source} by src/ontology/generate-vocab.ts (npm run generate): edit the ontology, not this file.`,
    '',
    '/** Namespaces: the prefixes the ontology files declare. */',
    'export const NS = {', ...namespaces, '} as const;', '',
    '/** Per namespace, the local names the ontology declares (src/ontology/vocab-generator.ts says what declares a term). */',
    'export const LOCAL_NAMES = {', ...names, '} as const;', '',
  ].join('\n');
}

/** Writes only when the text changed (watchers and incremental builds see no change), via a temporary file. */
async function writeIfChanged(path: string, text: string): Promise<void> {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === text) return;
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

export interface GenerateTargets {
  readonly ontologyDirectory: string;
  readonly moduleFile: string;
  readonly contextFile: string;
}

export async function generateVocabulary(targets: GenerateTargets): Promise<void> {
  const ontology = await readOntology(targets.ontologyDirectory);
  const source = `${basename(targets.ontologyDirectory)}/*.ttl`;
  await writeIfChanged(targets.moduleFile, vocabularyModule(ontology, source));
  await writeIfChanged(targets.contextFile, `${JSON.stringify({ '@context': jsonLdContext(ontology) }, null, 2)}\n`);
}
