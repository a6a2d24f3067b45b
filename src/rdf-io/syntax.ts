/**
 * N-Triples, N-Quads, Turtle and TriG text of sorted quads: the bytes N3.Writer writes (its
 * escaping, prefixed names and layout; the tests compare the two), kept because it is faster where
 * the build writes. `npm run bench:writer` times both on the same sorted triples (2026-12-02, a
 * shared 2-core machine, medians of 5-7 alternating runs): written as the build writes them (each
 * report graph as Turtle and N-Triples, src/write/chunks.ts), N3's Writer takes 2.4x our time and
 * its StreamWriter 1.7-1.8x; whole documents of 0.4-1M triples 1.1-1.5x (Writer) and 1.4-2.6x
 * (StreamWriter), of 100k triples about the same time (0.9-1.0x Writer). N3.Writer encodes every
 * occurrence of every term and grows its output by concatenation, which V8 must flatten later;
 * here each IRI is encoded once per encoder and the text is joined once.
 */
import type { Literal, Quad, Term } from '@rdfjs/types';
import { localNameStart } from '../rdf/iri.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** Canonical N-Triples escapes U+0000-U+001F, `"`, `\`, U+007F, U+FFFE and U+FFFF. */
const LINE_ESCAPE = /[^ !#-[\]-~\u0080-\uFFFD]/;
const LINE_ESCAPE_ALL = /[^ !#-[\]-~\u0080-\uFFFD]/g;
/** Turtle escapes control characters, `"`, `\` and characters beyond the Basic Multilingual Plane. */
const TURTLE_ESCAPE = /["\\\t\n\r\b\f\u0000-\u0019\ud800-\udbff]/;
const TURTLE_ESCAPE_ALL = /["\\\t\n\r\b\f\u0000-\u0019]|[\ud800-\udbff][\udc00-\udfff]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\', '"': '\\"', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f',
};
/** The local names N3.Writer abbreviates an IRI to after a prefix. */
const LOCAL_NAME = /^[_a-zA-Z0-9](?:\.?[-_a-zA-Z0-9])*$/;

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

function lineCharacter(character: string): string {
  return SHORT_ESCAPES[character] ?? `\\u${hex(character.charCodeAt(0), 4).toUpperCase()}`;
}

function turtleCharacter(character: string): string {
  const short = SHORT_ESCAPES[character];
  if (short !== undefined) return short;
  if (character.length === 1) return `\\u${hex(character.charCodeAt(0), 4)}`;
  return `\\U${hex(character.codePointAt(0)!, 8)}`;
}

const escapeLine = (text: string): string => (LINE_ESCAPE.test(text) ? text.replace(LINE_ESCAPE_ALL, lineCharacter) : text);
const escapeTurtle = (text: string): string => (TURTLE_ESCAPE.test(text) ? text.replace(TURTLE_ESCAPE_ALL, turtleCharacter) : text);

function languageTag(literal: Literal): string {
  return literal.direction ? `@${literal.language}--${literal.direction}` : `@${literal.language}`;
}

/** Literals Turtle writes bare, as N3.Writer does. */
const BARE_LITERALS: Readonly<Record<string, RegExp>> = {
  [`${XSD}boolean`]: /^(?:true|false)$/,
  [`${XSD}integer`]: /^[+-]?\d+$/,
  [`${XSD}decimal`]: /^[+-]?\d*\.\d+$/,
  [`${XSD}double`]: /^[+-]?(?:\d+\.\d*|\.?\d+)[eE][+-]?\d+$/,
};

function isDefaultGraph(term: Term): boolean {
  return term.termType === 'DefaultGraph';
}

function sameTerm(a: Term, b: Term | undefined): boolean {
  return b !== undefined && a.termType === b.termType && a.equals(b);
}

/**
 * Encodes terms in N-Triples and in Turtle (with the given prefixes), remembering each IRI's
 * encodings. Keep one per batch of text: it remembers every IRI it has seen.
 */
export class TermEncoder {
  private readonly lineIris = new Map<string, string>();
  private readonly turtleIris = new Map<string, string>();
  /** Namespace -> prefix name, in the order the prefixes were declared. */
  private readonly names = new Map<string, string>();
  /**
   * Whether every namespace ends with "/" or "#". A local name holds neither, so then the only
   * namespace that can abbreviate an IRI is the one ending at its last "/" or "#": one look-up.
   */
  private readonly endsAtSeparators: boolean;

  constructor(prefixes: Readonly<Record<string, string>> = {}) {
    // A namespace declared twice keeps its first place and its last name, as in N3.Writer.
    for (const [name, namespace] of Object.entries(prefixes)) this.names.set(namespace, name);
    this.endsAtSeparators = [...this.names.keys()].every((namespace) => /[/#]$/.test(namespace));
  }

  line(term: Term): string {
    switch (term.termType) {
      case 'NamedNode': {
        let encoded = this.lineIris.get(term.value);
        if (encoded === undefined) {
          encoded = `<${escapeLine(term.value)}>`;
          this.lineIris.set(term.value, encoded);
        }
        return encoded;
      }
      case 'Literal': {
        const value = `"${escapeLine(term.value)}"`;
        if (term.language) return value + languageTag(term);
        return term.datatype.value === `${XSD}string` ? value : `${value}^^${this.line(term.datatype)}`;
      }
      case 'BlankNode': return `_:${term.value}`;
      default: throw new Error(`cannot write a ${term.termType} in N-Triples`);
    }
  }

  turtle(term: Term): string {
    switch (term.termType) {
      case 'NamedNode': {
        let encoded = this.turtleIris.get(term.value);
        if (encoded === undefined) {
          encoded = this.prefixed(escapeTurtle(term.value));
          this.turtleIris.set(term.value, encoded);
        }
        return encoded;
      }
      case 'Literal': {
        const value = escapeTurtle(term.value);
        if (term.language) return `"${value}"${languageTag(term)}`;
        const datatype = term.datatype.value;
        if (datatype === `${XSD}string`) return `"${value}"`;
        if (BARE_LITERALS[datatype]?.test(value)) return value;
        return `"${value}"^^${this.turtle(term.datatype)}`;
      }
      case 'BlankNode': return `_:${term.value}`;
      default: throw new Error(`cannot write a ${term.termType} in Turtle`);
    }
  }

  /** The first prefixed name that denotes the IRI (N3.Writer's choice), else the IRI in brackets. */
  private prefixed(iri: string): string {
    if (this.endsAtSeparators) {
      const end = localNameStart(iri);
      const name = end === 0 ? undefined : this.names.get(iri.slice(0, end));
      if (name !== undefined && LOCAL_NAME.test(iri.slice(end))) return `${name}:${iri.slice(end)}`;
      return `<${iri}>`;
    }
    for (const [namespace, name] of this.names) {
      if (iri.startsWith(namespace) && LOCAL_NAME.test(iri.slice(namespace.length))) return `${name}:${iri.slice(namespace.length)}`;
    }
    return `<${iri}>`;
  }

  /** The prefix declarations a Turtle or TriG document starts with. */
  prefixBlock(): string {
    if (this.names.size === 0) return '';
    return `${[...this.names].map(([namespace, name]) => `@prefix ${name}: <${namespace}>.\n`).join('')}\n`;
  }
}

/** N-Triples (`graphs` false) or N-Quads lines, one per quad, in the given order. */
export function lineText(quads: readonly Quad[], encoder: TermEncoder, graphs: boolean): string {
  const parts: string[] = [];
  for (const { subject, predicate, object, graph } of quads) {
    parts.push(encoder.line(subject), ' ', encoder.line(predicate), ' ', encoder.line(object));
    parts.push(graphs && !isDefaultGraph(graph) ? ` ${encoder.line(graph)} .\n` : ' .\n');
  }
  return parts.join('');
}

/**
 * Turtle (`graphs` false: every quad as a triple) or TriG statements of quads sorted by graph and
 * subject, without the prefix block: one block per subject, objects of a predicate joined by ",".
 */
export function statementText(quads: readonly Quad[], encoder: TermEncoder, graphs: boolean): string {
  const parts: string[] = [];
  /** The open graph block; undefined for the default graph. */
  let graph: Term | undefined;
  let subject: Term | undefined;
  let predicate: Term | undefined;
  const closing = (): string => (subject === undefined ? '' : graph === undefined ? '.\n' : '\n}\n');
  for (const quad of quads) {
    const quadGraph = graphs && !isDefaultGraph(quad.graph) ? quad.graph : undefined;
    if (quadGraph === undefined ? graph !== undefined : !sameTerm(quadGraph, graph)) {
      parts.push(closing());
      if (quadGraph !== undefined) parts.push(encoder.turtle(quadGraph), ' {\n');
      graph = quadGraph;
      subject = undefined;
    }
    const object = encoder.turtle(quad.object);
    if (sameTerm(quad.subject, subject)) {
      if (sameTerm(quad.predicate, predicate)) parts.push(', ', object);
      else parts.push(';\n    ', predicateText(quad.predicate, encoder), ' ', object);
    } else {
      parts.push(subject === undefined ? '' : '.\n', encoder.turtle(quad.subject), ' ', predicateText(quad.predicate, encoder), ' ', object);
    }
    subject = quad.subject;
    predicate = quad.predicate;
  }
  parts.push(closing());
  return parts.join('');
}

function predicateText(predicate: Term, encoder: TermEncoder): string {
  return predicate.termType === 'NamedNode' && predicate.value === RDF_TYPE ? 'a' : encoder.turtle(predicate);
}

/** A whole Turtle (`graphs` false) or TriG document of quads in statementText's order: the prefix block, then the statements. */
export function turtleDocument(quads: readonly Quad[], prefixes: Readonly<Record<string, string>>, graphs: boolean): string {
  const encoder = new TermEncoder(prefixes);
  return encoder.prefixBlock() + statementText(quads, encoder, graphs);
}
