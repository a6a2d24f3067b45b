/**
 * SPARQL 1.1 Query Results JSON from outside (a remote endpoint), checked before it is used: the
 * shape every field must have, and where the first wrong one is, e.g.
 * "results.bindings[3].name.type is "banana"". A dozen fixed fields do not need a schema library.
 */
import type { JsonTerm, NodeJson, ResultsJson, TripleJson } from './results-json.js';

export class MalformedResultsError extends Error {
  constructor(readonly where: string, problem: string) {
    super(`${where} ${problem}`);
    this.name = 'MalformedResultsError';
  }
}

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  const kind = Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  const text = JSON.stringify(value);
  return text.length <= 40 ? `${kind} (${text})` : kind;
}

function object(value: unknown, where: string): JsonObject {
  if (!isObject(value)) throw new MalformedResultsError(where, `should be an object, is ${describe(value)}`);
  return value;
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new MalformedResultsError(where, `should be a string, is ${describe(value)}`);
  return value;
}

function optionalString(value: unknown, where: string): string | undefined {
  return value === undefined ? undefined : string(value, where);
}

type TermType = JsonTerm['type'];
const TERM_TYPES: readonly TermType[] = ['uri', 'literal', 'typed-literal', 'bnode', 'triple'];

function termType<T extends TermType>(value: unknown, where: string, allowed: readonly T[]): T {
  const found = allowed.find((name) => name === value);
  if (found === undefined) throw new MalformedResultsError(where, `should be ${allowed.join(', ')}, is ${describe(value)}`);
  return found;
}

function node<T extends NodeJson['type']>(fields: JsonObject, type: T, where: string): { readonly type: T; readonly value: string } {
  if (fields.datatype !== undefined || fields['xml:lang'] !== undefined) {
    throw new MalformedResultsError(where, `is a ${type} with a datatype or language, which only literals have`);
  }
  return { type, value: string(fields.value, `${where}.value`) };
}

/** RDF-star: the value is the triple's three terms; a literal can be only its object. */
function triple(fields: JsonObject, where: string): TripleJson {
  const parts = object(fields.value, `${where}.value`);
  const subject = object(parts.subject, `${where}.value.subject`);
  const subjectType = termType(subject.type, `${where}.value.subject.type`, ['uri', 'bnode', 'triple']);
  const predicate = object(parts.predicate, `${where}.value.predicate`);
  return {
    type: 'triple',
    value: {
      subject: subjectType === 'triple' ? triple(subject, `${where}.value.subject`) : node(subject, subjectType, `${where}.value.subject`),
      predicate: node(predicate, termType(predicate.type, `${where}.value.predicate.type`, ['uri']), `${where}.value.predicate`),
      object: term(parts.object, `${where}.value.object`),
    },
  };
}

function term(value: unknown, where: string): JsonTerm {
  const fields = object(value, where);
  const type = termType(fields.type, `${where}.type`, TERM_TYPES);
  switch (type) {
    case 'triple': return triple(fields, where);
    case 'uri': case 'bnode': return node(fields, type, where);
    default: {
      const datatype = optionalString(fields.datatype, `${where}.datatype`);
      const language = optionalString(fields['xml:lang'], `${where}.xml:lang`);
      return {
        type, value: string(fields.value, `${where}.value`),
        ...(datatype === undefined ? {} : { datatype }),
        ...(language === undefined ? {} : { 'xml:lang': language }),
      };
    }
  }
}

/** The parsed JSON of an answer, as ResultsJson, or a MalformedResultsError saying what is wrong where. */
export function checkResultsJson(json: unknown): ResultsJson {
  const top = object(json, 'the answer');
  const head = object(top.head, 'head');
  if (top.boolean !== undefined) {
    if (typeof top.boolean !== 'boolean') throw new MalformedResultsError('boolean', `should be true or false, is ${describe(top.boolean)}`);
    return { head: {}, boolean: top.boolean };
  }
  if (!Array.isArray(head.vars)) throw new MalformedResultsError('head.vars', `should be an array of variable names, is ${describe(head.vars)}`);
  const vars = head.vars.map((name, index) => string(name, `head.vars[${index}]`));
  const results = object(top.results, 'results');
  if (!Array.isArray(results.bindings)) throw new MalformedResultsError('results.bindings', `should be an array, is ${describe(results.bindings)}`);
  const bindings = results.bindings.map((binding, index) => {
    const where = `results.bindings[${index}]`;
    return Object.fromEntries(Object.entries(object(binding, where)).map(([name, value]) => [name, term(value, `${where}.${name}`)]));
  });
  return { head: { vars }, results: { bindings } };
}
