/** SPARQL 1.1 Query Results JSON <-> QueryResult, shared by the local engine and remote endpoints. */
import { factory } from '../rdf/factory.js';
import type { Quad, Quad_Object, Term } from '@rdfjs/types';
import type { QueryResult, Row } from './result.js';
import { plainRows, type TableAnswer } from './table-text.js';

export interface NodeJson {
  readonly type: 'uri' | 'bnode';
  readonly value: string;
}

/** 'typed-literal' is SPARQL 1.0's spelling, which Virtuoso still answers. */
export interface LiteralJson {
  readonly type: 'literal' | 'typed-literal';
  readonly value: string;
  readonly datatype?: string;
  readonly 'xml:lang'?: string;
}

/** RDF-star: a triple as a term. */
export interface TripleJson {
  readonly type: 'triple';
  readonly value: { readonly subject: NodeJson | TripleJson; readonly predicate: NodeJson & { readonly type: 'uri' }; readonly object: JsonTerm };
}

export type JsonTerm = NodeJson | LiteralJson | TripleJson;

/** One solution: its bound variables' terms. */
export type JsonBinding = Readonly<Record<string, JsonTerm>>;

export interface ResultsJson {
  readonly head: { readonly vars?: readonly string[] };
  readonly boolean?: boolean;
  readonly results?: { readonly bindings: readonly JsonBinding[] };
}

function toTerm(term: JsonTerm): Quad_Object {
  switch (term.type) {
    case 'uri': return factory.namedNode(term.value);
    case 'bnode': return factory.blankNode(term.value);
    case 'triple': return toTriple(term);
    default:
      if (term['xml:lang']) return factory.literal(term.value, term['xml:lang']);
      return factory.literal(term.value, term.datatype ? factory.namedNode(term.datatype) : undefined);
  }
}

function toTriple({ value: { subject, predicate, object } }: TripleJson): Quad {
  return factory.quad(subject.type === 'triple' ? toTriple(subject) : subject.type === 'uri' ? factory.namedNode(subject.value) : factory.blankNode(subject.value),
    factory.namedNode(predicate.value), toTerm(object));
}

const rowsOf = (json: ResultsJson): Row[] => (json.results?.bindings ?? []).map((binding) =>
  Object.fromEntries(Object.entries(binding).map(([name, term]) => [name, toTerm(term)])));

export function fromResultsJson(json: ResultsJson): QueryResult {
  if (typeof json.boolean === 'boolean') return { kind: 'boolean', value: json.boolean };
  return { kind: 'bindings', variables: json.head.vars ?? [], rows: rowsOf(json) };
}

/** Answers of the local engine with the results JSON text they came as, and its reading (a copy made with spread is not among them). */
const engineJson = new WeakMap<QueryResult, { readonly text: string; readonly parsed: () => ResultsJson }>();

/**
 * A SELECT answer of the local engine, from Oxigraph's results JSON text: parsed and made into
 * rows when first read, and written as SPARQL results JSON it is that text again. A listing of
 * 65,000 rows would otherwise be parsed, turned into terms, back into JSON and printed, a second
 * or so, to send the text that came in. Printed as a table, CSV, TSV or XML, its rows are read
 * into plain terms (tableAnswer), not RDF/JS ones.
 */
export function fromEngineJson(text: string, form: 'SELECT' | 'ASK'): QueryResult {
  if (form === 'ASK') return fromResultsJson(JSON.parse(text) as ResultsJson);
  let json: ResultsJson | undefined;
  const parsed = (): ResultsJson => (json ??= JSON.parse(text) as ResultsJson);
  let rows: Row[] | undefined;
  const result: QueryResult = {
    kind: 'bindings',
    get variables() {
      return parsed().head.vars ?? [];
    },
    get rows() {
      return (rows ??= rowsOf(parsed()));
    },
  };
  engineJson.set(result, { text, parsed });
  return result;
}

/** A table answer for the writers of table-text.ts: an engine's answer read into plain terms, any other as it is. */
export function tableAnswer(result: QueryResult & { readonly kind: 'bindings' }): TableAnswer {
  const engine = engineJson.get(result);
  if (engine === undefined) return result;
  const json = engine.parsed();
  return { variables: json.head.vars ?? [], rows: plainRows(json.results?.bindings ?? []) };
}

/** An answer as SPARQL results JSON text: the engine's own text where it came as one. */
export function resultsJsonText(result: QueryResult): string {
  return engineJson.get(result)?.text ?? JSON.stringify(toResultsJson(result), null, 2);
}

function toJsonTerm(term: Term): JsonTerm {
  switch (term.termType) {
    case 'NamedNode': return { type: 'uri', value: term.value };
    case 'BlankNode': return { type: 'bnode', value: term.value };
    case 'Literal':
      if (term.language) return { type: 'literal', value: term.value, 'xml:lang': term.language };
      if (term.datatype.value === 'http://www.w3.org/2001/XMLSchema#string') return { type: 'literal', value: term.value };
      return { type: 'literal', value: term.value, datatype: term.datatype.value };
    default: throw new Error(`cannot serialise a ${term.termType} in SPARQL results`);
  }
}

export function toResultsJson(result: QueryResult): ResultsJson {
  if (result.kind === 'boolean') return { head: {}, boolean: result.value };
  if (result.kind === 'quads') throw new Error('CONSTRUCT/DESCRIBE results are graphs: use an RDF format');
  return {
    head: { vars: result.variables },
    results: {
      bindings: result.rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([name, term]) => [name, toJsonTerm(term)]))),
    },
  };
}
