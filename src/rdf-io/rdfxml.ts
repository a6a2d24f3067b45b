/**
 * RDF/XML for triples (a CONSTRUCT or DESCRIBE answer, the service description): one
 * rdf:Description per subject, in the order the subjects first appear. N3 does not write RDF/XML,
 * and the form is small enough to write here (tested against rdfxml-streaming-parser).
 * Graph names are dropped: RDF/XML holds one graph.
 */
import type { Quad, Term } from '@rdfjs/types';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = `${RDF}langString`;

/** The ASCII part of XML's NCName: what a property element's local name may be. */
const LOCAL_NAME = /[A-Za-z_][A-Za-z0-9._-]*$/;
const NC_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export class RdfXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RdfXmlError';
  }
}

function checked(text: string, what: string): string {
  if (NOT_XML.test(text)) throw new RdfXmlError(`RDF/XML cannot hold ${what}: it contains a control character XML 1.0 forbids`);
  return text;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/** Attribute values: also quotes and the whitespace an XML parser would normalise to spaces. */
function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#xA;').replace(/\t/g, '&#x9;');
}

/** Splits a predicate IRI into a namespace and a local name usable as an XML element name. */
function splitPredicate(iri: string): [string, string] {
  const local = LOCAL_NAME.exec(iri)?.[0];
  // "xml..." names are reserved; a digit-led tail was already left out by the pattern.
  const cut = local === undefined ? -1 : iri.length - local.length;
  if (local === undefined || cut === 0 || /^xml/i.test(local)) {
    throw new RdfXmlError(`RDF/XML cannot write the predicate <${iri}>: it does not end in an XML name`);
  }
  return [iri.slice(0, cut), local];
}

/** Blank node labels as rdf:nodeID values (NCNames), one per label. */
class NodeIds {
  private readonly ids = new Map<string, string>();
  get(label: string): string {
    let id = this.ids.get(label);
    if (id === undefined) {
      id = NC_NAME.test(label) && !this.taken(label) ? label : `b${this.ids.size}`;
      while (this.taken(id)) id = `${id}_`;
      this.ids.set(label, id);
    }
    return id;
  }
  private taken(id: string): boolean {
    for (const value of this.ids.values()) if (value === id) return true;
    return false;
  }
}

function nodeAttribute(term: Term, name: 'about' | 'resource', nodeIds: NodeIds): string {
  if (term.termType === 'NamedNode') return `rdf:${name}="${escapeAttribute(checked(term.value, `the IRI <${term.value}>`))}"`;
  if (term.termType === 'BlankNode') return `rdf:nodeID="${nodeIds.get(term.value)}"`;
  throw new RdfXmlError(`RDF/XML cannot write a ${term.termType} as a subject or object node`);
}

/**
 * The triples as an RDF/XML document. `prefixes` name the namespaces they cover; other predicate
 * namespaces get ns1, ns2... Throws RdfXmlError when a triple cannot be written in RDF/XML (a
 * predicate IRI without an XML-name ending, or text with characters XML 1.0 forbids).
 */
export function toRdfXml(quads: readonly Quad[], prefixes: Readonly<Record<string, string>> = {}): string {
  const names = new Map<string, string>([[RDF, 'rdf']]);
  const known = new Map(Object.entries(prefixes).filter(([name]) => NC_NAME.test(name) && !/^xml/i.test(name))
    .map(([name, namespace]) => [namespace, name]));
  const prefixFor = (namespace: string): string => {
    let name = names.get(namespace);
    if (name === undefined) {
      const wanted = known.get(namespace);
      name = wanted !== undefined && ![...names.values()].includes(wanted) ? wanted : `ns${names.size}`;
      names.set(namespace, name);
    }
    return name;
  };
  const nodeIds = new NodeIds();
  const bySubject = new Map<string, { subject: Term; properties: string[] }>();
  for (const { subject, predicate, object } of quads) {
    const key = `${subject.termType}:${subject.value}`;
    let entry = bySubject.get(key);
    if (entry === undefined) {
      entry = { subject, properties: [] };
      bySubject.set(key, entry);
    }
    const [namespace, local] = splitPredicate(predicate.value);
    const element = `${prefixFor(namespace)}:${local}`;
    if (object.termType === 'Literal') {
      const datatype = object.datatype.value;
      const attribute = object.language
        ? ` xml:lang="${escapeAttribute(object.language)}"`
        : datatype === XSD_STRING || datatype === LANG_STRING ? '' : ` rdf:datatype="${escapeAttribute(datatype)}"`;
      entry.properties.push(`    <${element}${attribute}>${escapeText(checked(object.value, 'a literal'))}</${element}>`);
    } else {
      entry.properties.push(`    <${element} ${nodeAttribute(object, 'resource', nodeIds)}/>`);
    }
  }
  const descriptions = [...bySubject.values()].map(({ subject, properties }) =>
    `  <rdf:Description ${nodeAttribute(subject, 'about', nodeIds)}>\n${properties.join('\n')}\n  </rdf:Description>\n`);
  const declarations = [...names].map(([namespace, name]) => `\n    xmlns:${name}="${escapeAttribute(namespace)}"`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${declarations}>\n${descriptions.join('')}</rdf:RDF>\n`;
}
